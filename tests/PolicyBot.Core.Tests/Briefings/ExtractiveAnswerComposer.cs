using PolicyBot.Core.Answering;

namespace PolicyBot.Core.Tests.Briefings;

/// <summary>The real offline composer behind the <see cref="IAnswerComposer"/> port; counts calls.</summary>
internal sealed class ExtractiveAnswerComposer : IAnswerComposer
{
    public int Calls { get; private set; }

    public Task<ComposedText> ComposeAsync(AnswerContext context, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(new ComposedText(ExtractiveComposer.Compose(context)));
    }
}
