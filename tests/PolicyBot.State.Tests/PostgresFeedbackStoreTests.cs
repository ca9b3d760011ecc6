using PolicyBot.Core.Feedback;
using PolicyBot.Core.Tests.State.Contracts;
using PolicyBot.State.Postgres;

namespace PolicyBot.State.Tests;

public sealed class PostgresFeedbackStoreTests : FeedbackStoreContractTests, IDisposable
{
    private readonly PostgresTestDatabase _database = new();
    private readonly IFeedbackStore _store;

    public PostgresFeedbackStoreTests() => _store = Reopen();

    protected override IFeedbackStore Store => _store;

    protected override IFeedbackStore Reopen() => new PostgresFeedbackStore(_database.Open());

    public void Dispose() => _database.Dispose();
}
