using PolicyBot.Core.Ingestion;
using PolicyBot.Core.State;
using PolicyBot.Core.Tests.State.Contracts;

namespace PolicyBot.Core.Tests.State;

public sealed class InMemoryFetchValidatorStoreTests : FetchValidatorStoreContractTests
{
    private readonly InMemoryFetchValidatorStore _store = new();

    protected override IFetchValidatorStore Store => _store;

    protected override IFetchValidatorStore Reopen() => _store;
}
