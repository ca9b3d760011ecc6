using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Telemetry;

namespace PolicyBot.Ai.SemanticKernel;

/// <summary>
/// Runs the answer prompt through a Semantic Kernel <see cref="Kernel"/>: the configured chat service (extractive or an
/// OpenAI-compatible model) writes the text. If the model cannot be reached, fails, times out, answers with nothing, or cites
/// only passages it was not given, the extractive service answers through the same prompt call and the answer says so.
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
        string reason;
        Exception? error = null;
        try
        {
            var text = await InvokeAsync(_primary, context, timeout.Token);
            var problem = Inspect(text, context);
            if (problem is null) return new ComposedText(text);
            reason = problem;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not InvalidOperationException { Source: "PolicyBot.Ai" })
        {
            reason = timeout.IsCancellationRequested ? $"did not answer within {_timeout.TotalSeconds:0} s" : Describe(ex);
            error = ex;
        }

        _logger.LanguageModelFailed(reason, error);
        PolicyBotTelemetry.ComposerFallbacks.Add(1);
        var extracted = await InvokeAsync(_fallback, context, cancellationToken);
        return new ComposedText(extracted, $"The language model {reason}, so this answer was extracted directly from the documents.");
    }

    /// <summary>Null when the model's text can be used; otherwise what is wrong with it. A text without any marker is left to the caller (a refusal).</summary>
    private static string? Inspect(string text, AnswerContext context)
    {
        if (string.IsNullOrWhiteSpace(text)) return "returned an empty answer";
        if (CitationPostProcessor.HasMarkers(text) && CitationPostProcessor.Process(text, context.Passages).Citations.Count == 0)
            return "cited sources that do not exist";
        return null;
    }

    private static string Describe(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is HttpRequestException { StatusCode: null }) return "could not be reached";
        return "returned an error";
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
