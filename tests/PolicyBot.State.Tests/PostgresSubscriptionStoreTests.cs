using PolicyBot.Core.State;
using PolicyBot.Core.Tests.State.Contracts;
using PolicyBot.State.Postgres;

namespace PolicyBot.State.Tests;

public sealed class PostgresSubscriptionStoreTests : SubscriptionStoreContractTests, IDisposable
{
    private readonly PostgresTestDatabase _database = new();
    private readonly ISubscriptionStore _store;

    public PostgresSubscriptionStoreTests() => _store = Reopen();

    protected override ISubscriptionStore Store => _store;

    protected override ISubscriptionStore Reopen() => new PostgresSubscriptionStore(_database.Open());

    public void Dispose() => _database.Dispose();
}
