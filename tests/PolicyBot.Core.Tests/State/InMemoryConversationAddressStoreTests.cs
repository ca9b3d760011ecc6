using PolicyBot.Core.State;
using PolicyBot.Core.Tests.State.Contracts;

namespace PolicyBot.Core.Tests.State;

public sealed class InMemoryConversationAddressStoreTests : ConversationAddressStoreContractTests
{
    private readonly InMemoryConversationAddressStore _store = new();

    protected override IConversationAddressStore Store => _store;

    protected override IConversationAddressStore Reopen() => _store;
}
