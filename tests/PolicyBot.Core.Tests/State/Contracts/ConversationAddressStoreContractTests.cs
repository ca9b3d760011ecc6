using System.Text.Json;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Tests.State.Contracts;

/// <summary>What every <see cref="IConversationAddressStore"/> must do.</summary>
public abstract class ConversationAddressStoreContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IConversationAddressStore Store { get; }

    protected abstract IConversationAddressStore Reopen();

    private static readonly ConversationAddress General =
        new("teams", "19:general@thread.tacv2", """{"serviceUrl":"https://smba.example/emea/","tenantId":"tenant-1","botId":"28:bot"}""");

    private static readonly ConversationAddress Personal = new("teams", "a:personal", """{"serviceUrl":"https://smba.example/amer/"}""");

    private static readonly ConversationAddress SameIdElsewhere = new("slack", "a:personal", """{"team":"T1"}""");

    [StoreFact]
    public async Task SaveAsync_ThenReopen_AddressesSurvivePerPlatformInIdOrder()
    {
        await Store.SaveAsync(Personal, None);
        await Store.SaveAsync(SameIdElsewhere, None);
        await Store.SaveAsync(General, None);

        var reopened = Reopen();

        Assert.Equal([Describe(General), Describe(Personal)], (await reopened.ListAsync("teams", None)).Select(Describe));
        Assert.Equal([Describe(SameIdElsewhere)], (await reopened.ListAsync("slack", None)).Select(Describe));
        Assert.Empty(await reopened.ListAsync("discord", None));
    }

    [StoreFact]
    public async Task SaveAsync_SameConversation_ReplacesTheReference()
    {
        await Store.SaveAsync(General, None);
        var moved = General with { Reference = """{"serviceUrl":"https://smba.example/apac/"}""" };

        await Store.SaveAsync(moved, None);

        Assert.Equal([Describe(moved)], (await Store.ListAsync("teams", None)).Select(Describe));
    }

    [StoreFact]
    public async Task RemoveAsync_RemovesOnlyThatPlatformsConversation()
    {
        await Store.SaveAsync(General, None);
        await Store.SaveAsync(Personal, None);
        await Store.SaveAsync(SameIdElsewhere, None);

        await Store.RemoveAsync("teams", Personal.ConversationId, None);
        await Store.RemoveAsync("teams", "unknown", None);

        Assert.Equal([Describe(General)], (await Store.ListAsync("teams", None)).Select(Describe));
        Assert.Equal([Describe(SameIdElsewhere)], (await Store.ListAsync("slack", None)).Select(Describe));
    }

    // The reference is opaque JSON: a store may reformat it (PostgreSQL's jsonb does), so compare what it says, not its spacing.
    private static string Describe(ConversationAddress a) =>
        $"{a.Platform}|{a.ConversationId}|{JsonSerializer.Serialize(JsonSerializer.Deserialize<SortedDictionary<string, string>>(a.Reference))}";
}
