namespace PolicyBot.Core.Answering;

/// <summary>Writes the answer text, with <c>[n]</c> markers that refer to <see cref="AnswerContext.Passages"/>.</summary>
public interface IAnswerComposer
{
    Task<ComposedText> ComposeAsync(AnswerContext context, CancellationToken cancellationToken);
}

/// <param name="Notice">Set when the composer had to deviate, e.g. "the language model did not answer; this is an extractive answer".</param>
public sealed record ComposedText(string Text, string? Notice = null);
