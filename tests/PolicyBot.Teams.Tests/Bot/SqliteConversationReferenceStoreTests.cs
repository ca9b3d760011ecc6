using PolicyBot.Teams.Bot;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Bot;

public sealed class SqliteConversationReferenceStoreTests
{
    private static readonly StoredConversation General = new("19:general@thread.tacv2", "https://smba.example/emea/", "msteams", "tenant-1", "28:bot", "channel");
    private static readonly StoredConversation Personal = new("a:personal", "https://smba.example/amer/", "msteams", null, null, null);

    [Fact]
    public async Task SaveAsync_ThenReopen_ReferencesSurvive()
    {
        using var temp = new TempDirectory();
        var path = temp.File("state/state.db");
        await new SqliteConversationReferenceStore(path).SaveAsync(General, CancellationToken.None);
        await new SqliteConversationReferenceStore(path).SaveAsync(Personal, CancellationToken.None);

        var reopened = await new SqliteConversationReferenceStore(path).ListAsync(CancellationToken.None);

        Assert.Equal([General, Personal], reopened);
    }

    [Fact]
    public async Task SaveAsync_SameConversation_ReplacesIt()
    {
        using var temp = new TempDirectory();
        var store = new SqliteConversationReferenceStore(temp.File("state.db"));
        await store.SaveAsync(General, CancellationToken.None);
        var moved = General with { ServiceUrl = "https://smba.example/apac/" };

        await store.SaveAsync(moved, CancellationToken.None);

        Assert.Equal([moved], await store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_RemovesOnlyThatConversation()
    {
        using var temp = new TempDirectory();
        var store = new SqliteConversationReferenceStore(temp.File("state.db"));
        await store.SaveAsync(General, CancellationToken.None);
        await store.SaveAsync(Personal, CancellationToken.None);

        await store.RemoveAsync(General.ConversationId, CancellationToken.None);
        await store.RemoveAsync("unknown", CancellationToken.None);

        Assert.Equal([Personal], await store.ListAsync(CancellationToken.None));
    }
}
