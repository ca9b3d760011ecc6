using PolicyBot.Core.Feedback;
using PolicyBot.Core.Tests.State.Contracts;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.State;

public sealed class SqliteFeedbackStoreTests : FeedbackStoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly IFeedbackStore _store;

    public SqliteFeedbackStoreTests() => _store = Reopen();

    protected override IFeedbackStore Store => _store;

    protected override IFeedbackStore Reopen() => new SqliteFeedbackStore(_directory.File("state.db"));

    public void Dispose() => _directory.Dispose();
}
