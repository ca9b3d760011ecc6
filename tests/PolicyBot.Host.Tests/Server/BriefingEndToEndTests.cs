using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;
using PolicyBot.Core.Briefings.Scheduling;
using PolicyBot.Core.State;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Server;

/// <summary>A channel subscribes through /brief on the signed interactions endpoint; the scheduler later posts the briefing to Discord with a nonce.</summary>
public sealed class BriefingEndToEndTests : IAsyncLifetime
{
    private const string ApplicationId = "1200000000000000002";
    private const string Channel = "3000000000000000099";
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private LoopbackServer _rest = null!;
    private FakeDiscordGateway _gateway = null!;
    private BotServer _server = null!;

    public async Task InitializeAsync()
    {
        _rest = await FakeDiscordRest.StartAsync();
        _gateway = await FakeDiscordGateway.StartAsync();
        _server = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = ApplicationId,
            ["Discord:PublicKey"] = Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            ["Discord:ApiBaseUrl"] = new Uri(_rest.Address, "/api/v10").ToString(),
            ["Discord:Token"] = "briefing-test-token",
            ["Discord:GatewayUrl"] = _gateway.Url,
            ["PolicyBot:Briefings:Scheduler:Interval"] = "01:00:00",
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _rest.DisposeAsync();
        await _gateway.DisposeAsync();
        _key.Dispose();
    }

    private async Task<JsonNode> BriefAsync(string command, string permissions)
    {
        var body = new JsonObject
        {
            ["id"] = "9" + Random.Shared.NextInt64(100000000, 999999999), ["application_id"] = ApplicationId, ["type"] = 2, ["token"] = "tok", ["version"] = 1,
            ["channel_id"] = Channel, ["guild_id"] = "4000000000000000004",
            ["member"] = new JsonObject { ["permissions"] = permissions, ["user"] = new JsonObject { ["id"] = "5000000000000000005", ["username"] = "lead" } },
            ["data"] = new JsonObject
            {
                ["id"] = "8", ["name"] = "brief", ["type"] = 1,
                ["options"] = new JsonArray(new JsonObject { ["name"] = "command", ["type"] = 3, ["value"] = command }),
            },
        }.ToJsonString();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Address, "/discord/interactions")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body))));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        using var http = new HttpClient();
        var response = await http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json["type"]!.GetValue<int>() == 4 ? json["data"]! : JsonNode.Parse((await WaitAsync(r => r.Method == "PATCH")).Body)!;
    }

    private async Task<RecordedRequest> WaitAsync(Func<RecordedRequest, bool> match)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            lock (_rest.Requests) if (_rest.Requests.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(20);
        }
        throw new TimeoutException();
    }

    private static string Text(JsonNode message) =>
        (message["content"]?.GetValue<string>() ?? "") + string.Join("\n", message["embeds"]?.AsArray().Select(e => e?["description"]?.GetValue<string>()) ?? []);

    [Fact]
    public async Task Subscribe_WithoutManageChannel_IsRefused()
    {
        var reply = await BriefAsync("subscribe daily 08:00 Europe/Berlin", permissions: "2048");
        Assert.Contains("permission", Text(reply), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await _server.Services.GetRequiredService<ISubscriptionStore>().ListAsync("discord", Channel, default));
    }

    [Fact]
    public async Task Subscribe_ThenTheSchedulerPostsOnceWithANonce()
    {
        var reply = await BriefAsync("subscribe daily 08:00 Europe/Berlin --material graphite", permissions: (1 << 4).ToString());
        var subscription = Assert.Single(await _server.Services.GetRequiredService<ISubscriptionStore>().ListAsync("discord", Channel, default));
        Assert.Contains(subscription.Id, Text(reply));
        Assert.Equal(["graphite"], subscription.Materials);

        var scheduler = _server.Services.GetRequiredService<BriefingScheduler>();
        var nextDay = DateTimeOffset.UtcNow.AddDays(1).AddHours(1);
        await scheduler.RunOnceAsync(nextDay, default);
        await scheduler.RunOnceAsync(nextDay.AddMinutes(1), default);   // the same slot again: no second message

        var posts = _rest.Requests.Where(r => r.Method == "POST" && r.PathAndQuery == $"/api/v10/channels/{Channel}/messages").ToList();
        var post = Assert.Single(posts);
        var body = JsonNode.Parse(post.Body)!;
        Assert.True(body["enforce_nonce"]!.GetValue<bool>());
        Assert.InRange(body["nonce"]!.GetValue<string>().Length, 1, 25);
        Assert.Contains("briefing", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }
}
