using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSec.Cryptography;
using PolicyBot.Core.Feedback;
using PolicyBot.Core.Retrieval;
using PolicyBot.Core.State;
using PolicyBot.Host.Composition;
using PolicyBot.Host.Server;
using PolicyBot.Tests;
using Xunit.Abstractions;

namespace PolicyBot.Host.Tests.Server;

/// <summary>
/// Throws malformed, truncated, oversized, mistyped, badly encoded and hostile bodies at the real server's public endpoints
/// (web chat, Teams, Discord interactions): never a 5xx, never an exception name or stack trace in a body, oversized bodies
/// are 413, and the stored state (feedback, subscriptions, the index) is the same afterwards.
/// </summary>
public sealed class EndpointFuzzTests(EndpointFuzzTests.Server server, ITestOutputHelper output) : IClassFixture<EndpointFuzzTests.Server>
{
    private const int Seed = 20261130, Mutations = 150;
    private static readonly string[] Leaks = ["Exception", "   at ", "System.", "Microsoft.", "PolicyBot.", "StackTrace", ".cs:line"];

    public sealed class Server : IAsyncLifetime
    {
        public const string TeamsAppId = "9b1c2f7e-0000-4000-8000-00000000f022", DiscordAppId = "1200000000000000002";
        public Key SigningKey { get; } = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        public FakeTeamsChannel Teams { get; private set; } = null!;
        public LoopbackServer DiscordRest { get; private set; } = null!;
        public BotServer Bot { get; private set; } = null!;
        public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

        public async Task InitializeAsync()
        {
            Teams = await FakeTeamsChannel.StartAsync();
            DiscordRest = await FakeDiscordRest.StartAsync();
            Bot = await BotServer.StartAsync(new Dictionary<string, string?>
            {
                ["Teams:AppId"] = TeamsAppId,
                ["Teams:AppPassword"] = "test-secret",
                ["Teams:OpenIdMetadataUrl"] = new Uri(Teams.Address, "/openidconfiguration").ToString(),
                ["Teams:TokenEndpoint"] = new Uri(Teams.Address, "/token").ToString(),
                ["Discord:ApplicationId"] = DiscordAppId,
                ["Discord:PublicKey"] = Convert.ToHexStringLower(SigningKey.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
                ["Discord:ApiBaseUrl"] = new Uri(DiscordRest.Address, "/api/v10").ToString(),
                // The fuzz run asks hundreds of questions from one address; the limits have their own tests.
                ["PolicyBot:RateLimits:Enabled"] = "false",
            });
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await Bot.DisposeAsync();
            await DiscordRest.DisposeAsync();
            await Teams.DisposeAsync();
            SigningKey.Dispose();
        }
    }

    private static JsonObject ChatPayload() => new() { ["conversationId"] = "fuzz", ["message"] = "What are the CRMA benchmarks?" };

    private JsonObject TeamsPayload() => new()
    {
        ["type"] = "message", ["id"] = "1700000000001", ["channelId"] = "msteams", ["text"] = "What are the CRMA benchmarks?", ["serviceUrl"] = server.Teams.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Ana" },
        ["recipient"] = new JsonObject { ["id"] = $"28:{Server.TeamsAppId}", ["name"] = "PolicyBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:fuzz", ["conversationType"] = "personal", ["tenantId"] = "50612dbb-0237-4969-b378-8d42590f9c00" },
    };

    private static JsonObject DiscordPayload() => new()
    {
        ["id"] = "8000000000000000001", ["application_id"] = Server.DiscordAppId, ["type"] = 2, ["token"] = "interaction-token", ["version"] = 1,
        ["channel_id"] = "3000000000000000003", ["guild_id"] = "4000000000000000004",
        ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "5000000000000000005", ["username"] = "analyst" } },
        ["data"] = new JsonObject { ["id"] = "7", ["name"] = "ask", ["type"] = 1, ["options"] = new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "What are the CRMA benchmarks?" }) },
    };

    private static IEnumerable<FuzzCase> Cases(JsonObject valid, Func<string, JsonObject>? withText = null) =>
        FuzzCases.HandPicked(valid)
            .Concat(FuzzCases.Mutated(valid, Mutations, Seed))
            .Concat(withText is null ? [] : FuzzCases.InjectionTexts.Select((t, i) => new FuzzCase($"injection {i}", Encoding.UTF8.GetBytes(withText(t).ToJsonString()))));

    private async Task<HttpResponseMessage> PostAsync(string path, FuzzCase c, Action<HttpRequestMessage>? sign = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Bot.Address, path))
        {
            Content = c.Chunked ? new ChunkedContent(c.Body) : new ByteArrayContent(c.Body),
        };
        if (c.ContentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(c.ContentType);
        sign?.Invoke(request);
        return await server.Http.SendAsync(request);
    }

    private async Task<int> FuzzAsync(string path, IEnumerable<FuzzCase> cases, HttpStatusCode[] allowed, Func<FuzzCase, Action<HttpRequestMessage>?>? sign = null,
        bool storesVotes = false)
    {
        var before = await SnapshotAsync();
        var count = 0;
        var statuses = new Dictionary<HttpStatusCode, int>();
        foreach (var c in cases)
        {
            using var response = await PostAsync(path, c, sign?.Invoke(c));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(allowed.Contains(response.StatusCode), $"{path} {c.Name}: {(int)response.StatusCode} {body}");
            Assert.All(Leaks, leak => Assert.False(body.Contains(leak, StringComparison.Ordinal), $"{path} {c.Name}: body shows \"{leak}\": {body}"));
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            count++;
        }
        var after = await SnapshotAsync();
        if (storesVotes) Assert.Equal(before[before.IndexOf(',')..], after[after.IndexOf(',')..]);   // votes may be added, nothing else changes
        else Assert.Equal(before, after);
        output.WriteLine($"{path}: {count} cases, {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}×{s.Value}"))}");
        return count;
    }

    /// <summary>What must not change: feedback votes, briefing subscriptions, the index's documents and passages, and a sound state file.</summary>
    private async Task<string> SnapshotAsync()
    {
        var services = server.Bot.Services;
        var feedback = await services.GetRequiredService<IFeedbackStore>().ListAsync(null, default);
        var subscriptions = await services.GetRequiredService<ISubscriptionStore>().ListAsync(null, null, default);
        var stats = await services.GetRequiredService<IPassageIndex>().GetStatsAsync(default);
        await using var connection = new SqliteConnection($"Data Source={services.GetRequiredService<IOptions<StateOptions>>().Value.Path};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return $"feedback {feedback.Count}, subscriptions {subscriptions.Count}, documents {stats.DocumentCount}, passages {stats.PassageCount}, state file {await check.ExecuteScalarAsync()}";
    }

    [Fact]
    public async Task WebChat_FuzzedBodies_AreRejectedOrAnsweredNeverAServerError()
    {
        var warmUp = await PostAsync("/api/chat", new FuzzCase("valid", Encoding.UTF8.GetBytes(ChatPayload().ToJsonString())));
        Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);

        var count = await FuzzAsync("/api/chat", Cases(ChatPayload(), text => new JsonObject { ["conversationId"] = "fuzz", ["message"] = text }),
            [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType]);
        count += await FuzzAsync("/api/feedback", FuzzCases.HandPicked(new JsonObject { ["replyKey"] = "k", ["helpful"] = true, ["reason"] = "x" })
                .Where(c => !c.Name.StartsWith("replyKey", StringComparison.Ordinal) && !c.Name.StartsWith("helpful as", StringComparison.Ordinal) && !c.Name.StartsWith("reason as", StringComparison.Ordinal)),
            [HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType]);

        Assert.True(count > 250, $"{count} cases");
    }

    [Fact]
    public async Task Teams_FuzzedBodies_WithoutAToken_Are400Or401()
    {
        var count = await FuzzAsync("/api/messages", Cases(TeamsPayload(), text => TeamsPayload().Also(a => a["text"] = text)),
            [HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized]);

        Assert.True(count > 200, $"{count} cases");
    }

    [Fact]
    public async Task Teams_FuzzedBodies_WithAValidToken_AreRejectedOrHandled()
    {
        var token = server.Teams.MintToken(Server.TeamsAppId, server.Teams.ServiceUrl);
        var count = await FuzzAsync("/api/messages", Cases(TeamsPayload(), text => TeamsPayload().Also(a => a["text"] = text)),
            [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized],
            _ => request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token));

        Assert.True(count > 200, $"{count} cases");
    }

    [Fact]
    public async Task Teams_FuzzedFeedbackInvokes_WithAValidToken_NeverAServerError()
    {
        var invoke = TeamsPayload().Also(a =>
        {
            a["type"] = "invoke";
            a["name"] = "adaptiveCard/action";
            a.Remove("text");
            a["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "feedback", ["data"] = new JsonObject { ["rating"] = "not_helpful", ["replyKey"] = "k1", ["reason"] = "missing" } },
            };
        });
        var token = server.Teams.MintToken(Server.TeamsAppId, server.Teams.ServiceUrl);
        var count = await FuzzAsync("/api/messages", Cases(invoke), [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized],
            _ => request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token), storesVotes: true);

        Assert.True(count > 200, $"{count} cases");
    }

    [Fact]
    public async Task Discord_SignedFuzzedBodies_Are400OrHandled()
    {
        var count = await FuzzAsync("/discord/interactions", Cases(DiscordPayload(), text => DiscordPayload().Also(i => i["data"]!["options"]![0]!["value"] = text)),
            [HttpStatusCode.OK, HttpStatusCode.BadRequest], c => Sign(c.Body));

        Assert.True(count > 200, $"{count} cases");
    }

    [Fact]
    public async Task Discord_UnsignedOrWronglySignedBodies_Are401()
    {
        var count = await FuzzAsync("/discord/interactions", Cases(DiscordPayload()), [HttpStatusCode.Unauthorized], c => null);
        count += await FuzzAsync("/discord/interactions", Cases(DiscordPayload()).Take(60), [HttpStatusCode.Unauthorized], c => Sign([.. c.Body, (byte)' ']));

        Assert.True(count > 200, $"{count} cases");
    }

    [Theory]
    [InlineData("/api/chat", RequestBodyLimits.ChatBytes)]
    [InlineData("/api/feedback", RequestBodyLimits.ChatBytes)]
    [InlineData("/api/messages", RequestBodyLimits.PlatformBytes)]
    [InlineData("/discord/interactions", RequestBodyLimits.PlatformBytes)]
    public async Task OversizedBodies_Are413(string path, int limit)
    {
        var before = await SnapshotAsync();
        foreach (var c in FuzzCases.Oversized(limit))
        {
            using var response = await PostAsync(path, c, path.StartsWith("/discord", StringComparison.Ordinal) ? Sign(c.Body) : null);
            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{path} {c.Name}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await SnapshotAsync());

        // Just under the limit is read (and then judged on its content).
        var under = Encoding.UTF8.GetBytes($"{{\"conversationId\":\"u\",\"message\":\"{new string('a', limit - 100)}\"}}");
        using var ok = await PostAsync(path, new FuzzCase("under the limit", under), path.StartsWith("/discord", StringComparison.Ordinal) ? Sign(under) : null);
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, ok.StatusCode);
        Assert.True((int)ok.StatusCode < 500);
    }

    private Action<HttpRequestMessage> Sign(byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(server.SigningKey, [.. Encoding.UTF8.GetBytes(timestamp), .. body]);
        return request =>
        {
            request.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(signature));
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        };
    }

    /// <summary>A body sent with Transfer-Encoding: chunked (no Content-Length), as a client streaming an unknown length would.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var at = 0; at < body.Length; at += 8192)
                await stream.WriteAsync(body.AsMemory(at, Math.Min(8192, body.Length - at)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
