using System.Runtime.CompilerServices;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using PolicyBot.Core.Answering;

namespace PolicyBot.Ai.SemanticKernel;

/// <summary>
/// The offline chat service. It receives the same rendered prompt as a language model would, but answers by copying
/// sentences from the retrieved passages (<see cref="ExtractiveComposer"/>), which it reads from the kernel's
/// <see cref="Kernel.Data"/> rather than re-parsing the prompt text.
/// </summary>
public sealed class ExtractiveChatCompletionService : IChatCompletionService
{
    public const string ContextKey = "PolicyBot.AnswerContext";
    public const string ModelId = "policybot-extractive";

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?> { ["ModelId"] = ModelId };

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        if (kernel?.Data.TryGetValue(ContextKey, out var value) != true || value is not AnswerContext context)
            throw new InvalidOperationException($"The extractive chat service needs an {nameof(AnswerContext)} in Kernel.Data[\"{ContextKey}\"].");
        IReadOnlyList<ChatMessageContent> reply = [new ChatMessageContent(AuthorRole.Assistant, ExtractiveComposer.Compose(context), ModelId)];
        return Task.FromResult(reply);
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var messages = await GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken);
        foreach (var message in messages)
            yield return new StreamingChatMessageContent(message.Role, message.Content, modelId: ModelId);
    }
}
