using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Core.Briefings;
using PolicyBot.Teams.Bot;
using PolicyBot.Teams.Briefings;
using PolicyBot.Teams.Tests.Connector;

namespace PolicyBot.Teams.Tests.Briefings;

/// <summary>The sink against the loopback Connector and token endpoint (real Kestrel on 127.0.0.1, client wired by AddTeamsConnector).</summary>
public sealed class TeamsBriefingSinkTests
{
    private const string DeliveryId = "b1:20251103T0830";

    private static async Task<(ConnectorHarness Harness, InMemoryConversationReferenceStore Store)> StartAsync()
    {
        var harness = await ConnectorHarness.StartAsync();
        var store = new InMemoryConversationReferenceStore();
        await store.SaveAsync(new StoredConversation("a:personal-chat", harness.ServiceUrl, "msteams", "tenant-1", "28:bot", "personal"), default);
        await store.SaveAsync(new StoredConversation(SampleBriefings.ChannelConversation, harness.ServiceUrl, "msteams", "tenant-1", "28:bot", "channel"), default);
        return (harness, store);
    }

    private static TeamsBriefingSink Sink(ConnectorHarness harness, IConversationReferenceStore store) =>
        new(harness.Client, store, NullLogger<TeamsBriefingSink>.Instance);

    [Fact]
    public async Task DeliverAsync_SubscribedChannel_PostsTheBriefingCardToTheStoredConversation()
    {
        var (harness, store) = await StartAsync();
        await using var _ = harness;

        // Subscribed from a reply thread: the briefing goes to the channel as a new post.
        await Sink(harness, store).DeliverAsync(SampleBriefings.Subscription($"{SampleBriefings.ChannelConversation};messageid=1700000000000"),
            SampleBriefings.OneOfEach(), DeliveryId, CancellationToken.None);

        var request = Assert.Single(harness.ConnectorRequests);
        Assert.Equal(("POST", "/amer/v3/conversations/19%3A0b7f32667e064dd9b25d7969801541f4%40thread.tacv2/activities"), (request.Method, request.RawTarget));
        Assert.Equal("Bearer token-1", request.Headers["Authorization"]);
        var activity = JsonNode.Parse(request.Body)!;
        Assert.Equal(("message", "markdown", "Policy briefing: 1 new, 1 changed, 1 removed, 1 upcoming"),
            ((string?)activity["type"], (string?)activity["textFormat"], (string?)activity["summary"]));
        Assert.Null(activity["serviceUrl"]);
        var attachment = Assert.Single(activity["attachments"]!.AsArray())!;
        Assert.Equal(TeamsBriefingCard.ContentType, (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        Assert.Equal(("AdaptiveCard", "1.5"), ((string?)card["type"], (string?)card["version"]));
        var texts = card["body"]!.AsArray().Select(b => (string?)b!["text"]).ToList();
        Assert.Equal(
        [
            "Policy briefing", "Changes from 25 October 2025 to 1 November 2025 · graphite",
            "New", "**[1] Title cn-58**", "China · announced 9 October 2025", "Announcement No. 58 controls exports of lithium-ion batteries. [1]",
            "Changed", "**[2] Title cn-graphite**", "China · announced 20 October 2023", "- status: in force → suspended until 20 November 2025",
            "China requires licences for spherical graphite. [2]",
            "Removed", "**[3] Title au-old**", "China · announced 9 October 2025", "Summary of au-old. [3]",
            "Upcoming", "**[4] Title eu-crma**", "25 November 2025 · China", "- takes effect on 25 November 2025", "The CRMA sets benchmarks. [4]",
            "Sources",
            "[1] [Title cn-58](https://example.org/cn-58) — China, 8 November 2025", "[2] [Title cn-graphite](https://example.org/cn-graphite) — China, 8 November 2025",
            "[3] [Title au-old](https://example.org/au-old) — China, 8 November 2025", "[4] [Title eu-crma](https://example.org/eu-crma) — China, 8 November 2025",
            "Delivery id: b1:20251103T0830",
        ], texts);
        var text = (string)activity["text"]!;
        Assert.StartsWith("Policy briefing\n", text);
        Assert.Contains("Announcement No. 58 controls exports of lithium-ion batteries. [1]", text);
        Assert.EndsWith("\n\nDelivery id: b1:20251103T0830", text);
        var claims = activity["entities"]![0]!["citation"]!.AsArray();
        Assert.Equal([1, 2, 3, 4], claims.Select(c => (int)c!["position"]!));
        harness.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task DeliverAsync_RetryOfTheSameDelivery_PostsOneRecognisableDuplicate()
    {
        var (harness, store) = await StartAsync();
        await using var _ = harness;

        // Teams has no nonce: after a crash between sending and recording, the retry posts again, with the same delivery id.
        await Sink(harness, store).DeliverAsync(SampleBriefings.Subscription(), SampleBriefings.OneOfEach(), DeliveryId, CancellationToken.None);
        await Sink(harness, store).DeliverAsync(SampleBriefings.Subscription(), SampleBriefings.OneOfEach(), DeliveryId, CancellationToken.None);

        Assert.Equal(2, harness.ConnectorRequests.Count);
        Assert.All(harness.ConnectorRequests, r => Assert.Contains("Delivery id: b1:20251103T0830", r.Body));
        Assert.Equal(harness.ConnectorRequests[0].Body, harness.ConnectorRequests[1].Body);
    }

    [Fact]
    public async Task DeliverAsync_PersonalChat_PostsToThatConversation()
    {
        var (harness, store) = await StartAsync();
        await using var _ = harness;

        await Sink(harness, store).DeliverAsync(SampleBriefings.Subscription("a:personal-chat"), SampleBriefings.OneOfEach(), DeliveryId, CancellationToken.None);

        Assert.Equal("/amer/v3/conversations/a%3Apersonal-chat/activities", Assert.Single(harness.ConnectorRequests).RawTarget);
    }

    [Fact]
    public async Task DeliverAsync_ConversationNotStored_ThrowsWithoutSending()
    {
        var (harness, store) = await StartAsync();
        await using var _ = harness;

        var error = await Assert.ThrowsAsync<BriefingConversationNotFoundException>(() =>
            Sink(harness, store).DeliverAsync(SampleBriefings.Subscription("19:gone@thread.tacv2"), SampleBriefings.OneOfEach(), DeliveryId, CancellationToken.None));

        Assert.Equal("19:gone@thread.tacv2", error.ConversationId);
        Assert.Empty(harness.ConnectorRequests);
    }

    [Fact]
    public async Task DeliverAsync_NoChangesAndSkipEmpty_PostsNothing()
    {
        var (harness, store) = await StartAsync();
        await using var _ = harness;

        await Sink(harness, store).DeliverAsync(SampleBriefings.Subscription(skipEmpty: true),
            new Briefing(SampleBriefings.Since, SampleBriefings.Until, [SampleBriefings.Item(1, BriefingItemKind.Upcoming, "eu-crma")]), DeliveryId, CancellationToken.None);

        Assert.Empty(harness.ConnectorRequests);
        Assert.Empty(harness.TokenRequests);
    }

    [Fact]
    public async Task DeliverAsync_NoChanges_PostsTheNoChangesNote()
    {
        var (harness, store) = await StartAsync();
        await using var _ = harness;

        await Sink(harness, store).DeliverAsync(SampleBriefings.Subscription(), new Briefing(SampleBriefings.Since, SampleBriefings.Until, []), DeliveryId, CancellationToken.None);

        var activity = JsonNode.Parse(Assert.Single(harness.ConnectorRequests).Body)!;
        var texts = activity["attachments"]![0]!["content"]!["body"]!.AsArray().Select(b => (string?)b!["text"]);
        Assert.Equal(["Policy briefing", "Changes from 25 October 2025 to 1 November 2025 · graphite", "No changes since 25 October 2025.", "Delivery id: b1:20251103T0830"], texts);
        Assert.Equal("Policy briefing: no changes", (string?)activity["summary"]);
        Assert.Null(activity["entities"]);
    }

    [Fact]
    public async Task DeliverAsync_DiscordSubscription_Throws()
    {
        var (harness, store) = await StartAsync();
        await using var _ = harness;

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Sink(harness, store).DeliverAsync(SampleBriefings.Subscription(platform: "discord"), SampleBriefings.OneOfEach(), DeliveryId, CancellationToken.None));
        Assert.Empty(harness.ConnectorRequests);
    }
}
