using PolicyBot.Core.State;
using PolicyBot.Core.Tests.State.Contracts;
using PolicyBot.State.Postgres;

namespace PolicyBot.State.Tests;

public sealed class PostgresConversationAddressStoreTests : ConversationAddressStoreContractTests, IDisposable
{
    private readonly PostgresTestDatabase _database = new();
    private readonly IConversationAddressStore _store;

    public PostgresConversationAddressStoreTests() => _store = Reopen();

    protected override IConversationAddressStore Store => _store;

    protected override IConversationAddressStore Reopen() => new PostgresConversationAddressStore(_database.Open());

    public void Dispose() => _database.Dispose();
}
