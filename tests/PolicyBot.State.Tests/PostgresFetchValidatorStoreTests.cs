using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Tests.State.Contracts;
using PolicyBot.State.Postgres;

namespace PolicyBot.State.Tests;

public sealed class PostgresFetchValidatorStoreTests : FetchValidatorStoreContractTests, IDisposable
{
    private readonly PostgresTestDatabase _database = new();
    private readonly IFetchValidatorStore _store;

    public PostgresFetchValidatorStoreTests() => _store = Reopen();

    protected override IFetchValidatorStore Store => _store;

    protected override IFetchValidatorStore Reopen() => new PostgresFetchValidatorStore(_database.Open());

    public void Dispose() => _database.Dispose();
}
