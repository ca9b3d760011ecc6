using PolicyBot.Core.Ingestion;
using PolicyBot.Core.State;
using PolicyBot.Core.Tests.State.Contracts;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.State;

public sealed class SqliteFetchValidatorStoreTests : FetchValidatorStoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly IFetchValidatorStore _store;

    public SqliteFetchValidatorStoreTests() => _store = Reopen();

    protected override IFetchValidatorStore Store => _store;

    protected override IFetchValidatorStore Reopen() => new SqliteFetchValidatorStore(_directory.File("state.db"));

    public void Dispose() => _directory.Dispose();
}
