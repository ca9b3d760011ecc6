using PolicyBot.Core.State;
using PolicyBot.Core.Tests.State.Contracts;

namespace PolicyBot.Core.Tests.State;

public sealed class InMemoryIngestionHistoryTests : IngestionHistoryContractTests
{
    private readonly InMemoryIngestionHistory _history = new();

    protected override IIngestionHistory History => _history;

    protected override IIngestionHistory Reopen() => _history;
}
