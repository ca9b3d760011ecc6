using PolicyBot.Core.State;
using PolicyBot.Core.Tests.State.Contracts;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.State;

public sealed class SqliteConversationAddressStoreTests : ConversationAddressStoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly IConversationAddressStore _store;

    public SqliteConversationAddressStoreTests() => _store = Reopen();

    protected override IConversationAddressStore Store => _store;

    protected override IConversationAddressStore Reopen() => new SqliteConversationAddressStore(_directory.File("state.db"));

    public void Dispose() => _directory.Dispose();
}
