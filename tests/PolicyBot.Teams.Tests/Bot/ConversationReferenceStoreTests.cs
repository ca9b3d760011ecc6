using PolicyBot.Core.State;
using PolicyBot.Teams.Bot;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Bot;

/// <summary>Teams references over the platform-neutral address store (here the SQLite one, a real file).</summary>
public sealed class ConversationReferenceStoreTests : IDisposable
{
    private static readonly StoredConversation General = new("19:general@thread.tacv2", "https://smba.example/emea/", "msteams", "tenant-1", "28:bot", "channel");
    private static readonly StoredConversation Personal = new("a:personal", "https://smba.example/amer/", "msteams", null, null, null);

    private readonly TempDirectory _temp = new();

    private SqliteConversationAddressStore Addresses() => new(_temp.File("state/state.db"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SaveAsync_ThenReopen_ReferencesSurviveUnderPlatformTeams()
    {
        await new ConversationReferenceStore(Addresses()).SaveAsync(General, CancellationToken.None);
        await new ConversationReferenceStore(Addresses()).SaveAsync(Personal, CancellationToken.None);

        var reopened = await new ConversationReferenceStore(Addresses()).ListAsync(CancellationToken.None);
        var raw = await Addresses().ListAsync("teams", CancellationToken.None);

        Assert.Equal([General, Personal], reopened);
        Assert.Equal([General.ConversationId, Personal.ConversationId], raw.Select(a => a.ConversationId));
        Assert.Contains("\"serviceUrl\":\"https://smba.example/emea/\"", raw[0].Reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_SameConversation_ReplacesIt()
    {
        var store = new ConversationReferenceStore(Addresses());
        await store.SaveAsync(General, CancellationToken.None);
        var moved = General with { ServiceUrl = "https://smba.example/apac/" };

        await store.SaveAsync(moved, CancellationToken.None);

        Assert.Equal([moved], await store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_RemovesOnlyThatConversation_AndLeavesOtherPlatformsAlone()
    {
        var addresses = Addresses();
        var store = new ConversationReferenceStore(addresses);
        await store.SaveAsync(General, CancellationToken.None);
        await store.SaveAsync(Personal, CancellationToken.None);
        await addresses.SaveAsync(new ConversationAddress("other", General.ConversationId, "{}"), CancellationToken.None);

        await store.RemoveAsync(General.ConversationId, CancellationToken.None);

        Assert.Equal([Personal], await store.ListAsync(CancellationToken.None));
        Assert.Single(await addresses.ListAsync("other", CancellationToken.None));
    }
}
