using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using PolicyBot.Core.Answering;

namespace PolicyBot.Ai.SemanticKernel;

/// <summary>
/// Runs the answer prompt through a Semantic Kernel <see cref="Kernel"/>: the configured chat service (extractive or an
/// OpenAI-compatible model) writes the text. If the model fails or times out, the extractive service answers through the
/// same prompt call and the answer says so.
/// </summary>
public sealed class SemanticKernelAnswerComposer : IAnswerComposer
{
    private readonly Kernel _primary;
    private readonly Kernel? _fallback;
    private readonly KernelFunction _answer;
    private readonly TimeSpan _timeout;
    private readonly ILogger<SemanticKernelAnswerComposer> _logger;

    /// <param name="fallback">The extractive kernel, when <paramref name="primary"/> uses a remote model; null when primary is already extractive.</param>
    public SemanticKernelAnswerComposer(Kernel primary, Kernel? fallback, PromptTemplateConfig answerPrompt, TimeSpan timeout, ILogger<SemanticKernelAnswerComposer> logger)
    {
        _primary = primary;
        _fallback = fallback;
        _answer = KernelFunctionFactory.CreateFromPrompt(answerPrompt);
        _timeout = timeout;
        _logger = logger;
    }

    /// <summary>The variables this composer supplies to the prompt; each must be declared by the prompt file.</summary>
    public static IReadOnlyCollection<string> SuppliedVariables { get; } = ["question", "passages", "history", "today"];

    public async Task<ComposedText> ComposeAsync(AnswerContext context, CancellationToken cancellationToken)
    {
        if (_fallback is null)
            return new ComposedText(await InvokeAsync(_primary, context, cancellationToken));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            return new ComposedText(await InvokeAsync(_primary, context, timeout.Token));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not InvalidOperationException { Source: "PolicyBot.Ai" })
        {
            var reason = timeout.IsCancellationRequested ? $"did not answer within {_timeout.TotalSeconds:0} s" : "returned an error";
            _logger.LanguageModelFailed(reason, ex);
            var text = await InvokeAsync(_fallback, context, cancellationToken);
            return new ComposedText(text, $"The language model {reason}, so this answer was extracted directly from the documents.");
        }
    }

    private async Task<string> InvokeAsync(Kernel kernel, AnswerContext context, CancellationToken cancellationToken)
    {
        var requestKernel = kernel.Clone();
        requestKernel.Data[ExtractiveChatCompletionService.ContextKey] = context;
        var arguments = new KernelArguments
        {
            ["question"] = context.Question,
            ["passages"] = PassageFormatter.Format(context.Passages),
            ["history"] = PassageFormatter.FormatHistory(context.History),
            ["today"] = context.Today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        };
        var result = await _answer.InvokeAsync(requestKernel, arguments, cancellationToken);
        return result.GetValue<string>()?.Trim() ?? "";
    }
}
