using PolicyBot.Core.State;
using PolicyBot.Core.Tests.State.Contracts;

namespace PolicyBot.Core.Tests.State;

public sealed class InMemorySubscriptionStoreTests : SubscriptionStoreContractTests
{
    private readonly InMemorySubscriptionStore _store = new();

    protected override ISubscriptionStore Store => _store;

    protected override ISubscriptionStore Reopen() => _store;
}
