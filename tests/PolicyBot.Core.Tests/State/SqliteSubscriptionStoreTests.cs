using PolicyBot.Core.State;
using PolicyBot.Core.Tests.State.Contracts;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.State;

public sealed class SqliteSubscriptionStoreTests : SubscriptionStoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ISubscriptionStore _store;

    public SqliteSubscriptionStoreTests() => _store = Reopen();

    protected override ISubscriptionStore Store => _store;

    protected override ISubscriptionStore Reopen() => new SqliteSubscriptionStore(new SqliteStateDatabase(_directory.File("state.db")));

    public void Dispose() => _directory.Dispose();
}
