using PolicyBot.Core.Feedback;
using PolicyBot.Core.Tests.State.Contracts;

namespace PolicyBot.Core.Tests.State;

public sealed class InMemoryFeedbackStoreTests : FeedbackStoreContractTests
{
    private readonly InMemoryFeedbackStore _store = new();

    protected override IFeedbackStore Store => _store;

    protected override IFeedbackStore Reopen() => _store;
}
