using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Core.Briefings;
using PolicyBot.Discord.Briefings;
using PolicyBot.Discord.Tests.Rest;
using PolicyBot.Tests;

namespace PolicyBot.Discord.Tests.Briefings;

/// <summary>The sink against a real Kestrel server on 127.0.0.1 that behaves like Discord with enforce_nonce.</summary>
public sealed class DiscordBriefingSinkTests : IAsyncLifetime
{
    private const string DeliveryId = "b1:20251101T0800";
    private readonly Dictionary<string, string> _messagesByNonce = [];
    private int _created;
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(RespondAsync);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private DiscordBriefingSink Sink() => new(RestTestClient.Create(_server), NullLogger<DiscordBriefingSink>.Instance);

    [Fact]
    public async Task DeliverAsync_PostsToTheChannelWithTheDeliveryIdAsEnforcedNonce()
    {
        await Sink().DeliverAsync(SampleBriefings.Subscription(), SampleBriefings.OneOfEach(), DeliveryId, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/api/v10/channels/123456789/messages"), (request.Method, request.PathAndQuery));
        Assert.Equal("Bot " + RestTestClient.Token, request.Headers["Authorization"]);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(DeliveryId, (string?)body["nonce"]);
        Assert.True((bool)body["enforce_nonce"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"parse":[],"replied_user":false}"""), body["allowed_mentions"]));
        Assert.Null(body["content"]);
        var embeds = body["embeds"]!.AsArray();
        Assert.Equal(["Policy briefing", "New", "Changed", "Removed", "Upcoming", null], embeds.Select(e => (string?)e!["title"]));
        Assert.Equal("Changes from 25 October 2025 to 1 November 2025 · China", (string?)embeds[0]!["description"]);
        Assert.Equal("2025-11-01T08:00:00Z", (string?)embeds[0]!["timestamp"]);
        Assert.Equal(
            "**[2] Title cn-graphite**\nChina · announced 20 October 2023\n• status: in force → suspended until 20 November 2025\n" +
            "• materials: graphite → graphite, spherical graphite\nChina requires licences for spherical graphite. [2]",
            (string?)embeds[2]!["description"]);
        Assert.Equal("**[4] Title eu-crma**\n25 November 2025 · China\n• takes effect on 25 November 2025\nThe CRMA sets benchmarks. [4]", (string?)embeds[4]!["description"]);
        var sources = Assert.Single(embeds[5]!["fields"]!.AsArray())!;
        Assert.Equal("Sources", (string?)sources["name"]);
        Assert.StartsWith("[1] [Title cn-58](https://example.org/cn-58) — China, 8 November 2025\n[2] [Title cn-graphite]", (string?)sources["value"]);
        Assert.Equal($"Delivery {DeliveryId}", (string?)embeds[5]!["footer"]!["text"]);
    }

    [Fact]
    public async Task DeliverAsync_SameDeliveryAgain_SendsTheSameNonceSoDiscordKeepsOneMessage()
    {
        var briefing = SampleBriefings.OneOfEach();

        await Sink().DeliverAsync(SampleBriefings.Subscription(), briefing, DeliveryId, CancellationToken.None);
        // A restarted instance retries the slot it claimed but never recorded, with the same delivery id.
        await Sink().DeliverAsync(SampleBriefings.Subscription(), briefing, DeliveryId, CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal([DeliveryId, DeliveryId], _server.Requests.Select(RestTestClient.Nonce));
        Assert.Equal(_server.Requests[0].Body, _server.Requests[1].Body);
        Assert.Equal(1, _created);
    }

    [Fact]
    public async Task DeliverAsync_LongBriefing_ContinuesInOrderedMessagesWhoseNoncesAlsoRepeatOnRetry()
    {
        var briefing = SampleBriefings.Large(40, 500, titleLength: 90, changeLength: 40);

        await Sink().DeliverAsync(SampleBriefings.Subscription(), briefing, DeliveryId, CancellationToken.None);
        var parts = _server.Requests.Count;
        await Sink().DeliverAsync(SampleBriefings.Subscription(), briefing, DeliveryId, CancellationToken.None);

        Assert.InRange(parts, 2, DiscordBriefingRenderer.MaxMessages);
        var nonces = _server.Requests.Select(RestTestClient.Nonce).ToList();
        Assert.Equal(DeliveryId, nonces[0]);
        Assert.Equal(parts, nonces.Take(parts).Distinct().Count());
        Assert.All(nonces, n => Assert.InRange(n!.Length, 1, DiscordBriefingNonce.MaxLength));
        Assert.Equal(nonces.Take(parts), nonces.Skip(parts));
        Assert.Equal(parts, _created);
        Assert.All(_server.Requests, r => Assert.True((bool)JsonNode.Parse(r.Body)!["enforce_nonce"]!));
        Assert.Equal($"Delivery {DeliveryId} · part 2/{parts}", (string?)JsonNode.Parse(_server.Requests[1].Body)!["embeds"]!.AsArray()[^1]!["footer"]!["text"]);
    }

    [Fact]
    public async Task DeliverAsync_DifferentDeliveries_AreDifferentMessages()
    {
        await Sink().DeliverAsync(SampleBriefings.Subscription(), SampleBriefings.OneOfEach(), "b1:20251101T0800", CancellationToken.None);
        await Sink().DeliverAsync(SampleBriefings.Subscription(), SampleBriefings.OneOfEach(), "b1:20251102T0800", CancellationToken.None);

        Assert.Equal(2, _created);
    }

    [Fact]
    public async Task DeliverAsync_DeliveryIdLongerThan25_UsesAStableHashedNonce()
    {
        const string longId = "subscription-0123456789:2025-11-01T08:00:00Z";

        await Sink().DeliverAsync(SampleBriefings.Subscription(), SampleBriefings.OneOfEach(), longId, CancellationToken.None);
        await Sink().DeliverAsync(SampleBriefings.Subscription(), SampleBriefings.OneOfEach(), longId, CancellationToken.None);

        var nonces = _server.Requests.Select(RestTestClient.Nonce).ToList();
        Assert.Equal(DiscordBriefingNonce.MaxLength, nonces[0]!.Length);
        Assert.Equal(nonces[0], nonces[1]);
        Assert.Equal(DiscordBriefingNonce.For(longId), nonces[0]);
        Assert.Equal(1, _created);
    }

    [Fact]
    public async Task DeliverAsync_NoChangesAndSkipEmpty_PostsNothing()
    {
        var empty = new Briefing(SampleBriefings.Since, SampleBriefings.Until,
            [SampleBriefings.Item(1, BriefingItemKind.Upcoming, "eu-crma", date: new DateOnly(2025, 11, 25))]);

        await Sink().DeliverAsync(SampleBriefings.Subscription(skipEmpty: true), empty, DeliveryId, CancellationToken.None);

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task DeliverAsync_NoChanges_PostsTheNoChangesNote()
    {
        await Sink().DeliverAsync(SampleBriefings.Subscription(), new Briefing(SampleBriefings.Since, SampleBriefings.Until, []), DeliveryId, CancellationToken.None);

        var embeds = JsonNode.Parse(Assert.Single(_server.Requests).Body)!["embeds"]!.AsArray();
        var header = Assert.Single(embeds)!;
        Assert.Equal("Changes from 25 October 2025 to 1 November 2025 · China\n\nNo changes since 25 October 2025.", (string?)header["description"]);
        Assert.Equal($"Delivery {DeliveryId}", (string?)header["footer"]!["text"]);
    }

    [Fact]
    public async Task DeliverAsync_TeamsSubscription_ThrowsWithoutSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Sink().DeliverAsync(SampleBriefings.Subscription(platform: "teams"), SampleBriefings.OneOfEach(), DeliveryId, CancellationToken.None));

        Assert.Empty(_server.Requests);
    }

    // Like Discord with enforce_nonce: a nonce seen before returns the message created then.
    private async Task RespondAsync(HttpContext context, string body)
    {
        var request = JsonDocument.Parse(body).RootElement;
        var nonce = request.GetProperty("nonce").GetString()!;
        string id;
        lock (_messagesByNonce)
        {
            if (!_messagesByNonce.TryGetValue(nonce, out id!) || !request.GetProperty("enforce_nonce").GetBoolean())
                _messagesByNonce[nonce] = id = $"90000{++_created}";
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { id, channel_id = context.Request.Path.Value!.Split('/')[4], content = "", nonce, type = 0 }));
    }
}
