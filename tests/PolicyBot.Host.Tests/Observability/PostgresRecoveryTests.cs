using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using PolicyBot.Core.Conversations;
using PolicyBot.Host.Tests.Server;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Observability;

/// <summary>Needs the PostgreSQL named by POLICYBOT_TEST_POSTGRES; skipped, saying so, without it.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "POLICYBOT_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"{Variable} is not set (.ci/run starts a throw-away PostgreSQL and sets it); the closed-port case in ReadinessTests still runs.";
    }
}

/// <summary>The real PostgreSQL behind a relay the test cuts and restores: not ready and "try later" while cut, working again after.</summary>
public sealed class PostgresRecoveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static async Task<(HttpStatusCode Readiness, JsonNode Reply)> ProbeAsync(HttpClient http, BotServer server)
    {
        var readiness = (await http.GetAsync(new Uri(server.Address, "/readyz"))).StatusCode;
        var response = await http.PostAsJsonAsync(new Uri(server.Address, "/api/chat"), new { conversationId = "pg", message = "brief list" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (readiness, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>Probes until <paramref name="done"/> holds; every reply on the way must be a clean chat reply, never a trace.</summary>
    private static async Task<(HttpStatusCode Readiness, JsonNode Reply)> UntilAsync(HttpClient http, BotServer server, Func<HttpStatusCode, JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var (readiness, reply) = await ProbeAsync(http, server);
            Assert.DoesNotContain("   at ", reply["text"]!.GetValue<string>());
            if (done(readiness, reply)) return (readiness, reply);
            if (DateTime.UtcNow > deadline) Assert.Fail($"still {(int)readiness}: {reply.ToJsonString()}");
            await Task.Delay(250);
        }
    }

    [PostgresFact]
    public async Task PostgresGoesAwayAndComesBack_ReadinessAndBriefCommandsFollow()
    {
        await using var schema = await RelayedSchema.StartAsync();
        var relay = schema.Relay;
        await using var server = await BotServer.StartAsync(schema.ServerSettings);
        using var http = new HttpClient();

        var up = await UntilAsync(http, server, (r, _) => r == HttpStatusCode.OK);
        Assert.NotEqual("error", up.Reply["kind"]!.GetValue<string>());

        await relay.CutAsync();
        var down = await UntilAsync(http, server, (r, reply) => r == HttpStatusCode.ServiceUnavailable && reply["text"]!.GetValue<string>() == ConversationService.StateUnavailableReply);
        Assert.Equal("error", down.Reply["kind"]!.GetValue<string>());

        relay.Start();
        var back = await UntilAsync(http, server, (r, reply) => r == HttpStatusCode.OK && reply["kind"]!.GetValue<string>() != "error");
        Assert.Equal(up.Reply["text"]!.GetValue<string>(), back.Reply["text"]!.GetValue<string>());
    }

    /// <summary>
    /// The connection the server pooled after its first reply is cut underneath it: the very next command must already say
    /// "storage unavailable", not the generic failure, and the question still gets its answer (the log entry is what is lost).
    /// </summary>
    [PostgresFact]
    public async Task ConnectionCutUnderAPooledConnection_FirstReplySaysStorageIsUnavailable_AndQuestionsStillWork()
    {
        await using var schema = await RelayedSchema.StartAsync();
        await using var server = await BotServer.StartAsync(schema.ServerSettings);
        using var http = new HttpClient();
        Assert.NotEqual("error", (await ChatAsync(http, server, "brief list"))["kind"]!.GetValue<string>());

        await schema.Relay.CutAsync();

        var brief = await ChatAsync(http, server, "brief list");
        Assert.Equal("error", brief["kind"]!.GetValue<string>());
        Assert.Equal(ConversationService.StateUnavailableReply, brief["text"]!.GetValue<string>());
        var question = await ChatAsync(http, server, "What does the CRMA require for recycling?");
        Assert.NotEqual("error", question["kind"]!.GetValue<string>());
    }

    private static async Task<JsonNode> ChatAsync(HttpClient http, BotServer server, string message)
    {
        var response = await http.PostAsJsonAsync(new Uri(server.Address, "/api/chat"), new { conversationId = "pg", message });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>A fresh schema in the test database, reached through a started <see cref="TcpRelay"/>; dropped on disposal.</summary>
    private sealed class RelayedSchema : IAsyncDisposable
    {
        private readonly NpgsqlConnectionStringBuilder _real;
        private readonly string _schema;

        private RelayedSchema(NpgsqlConnectionStringBuilder real, string schema, TcpRelay relay)
        {
            (_real, _schema, Relay) = (real, schema, relay);
            var viaRelay = new NpgsqlConnectionStringBuilder(real.ConnectionString) { Host = "127.0.0.1", Port = relay.Port, SearchPath = schema, Timeout = 3 };
            ServerSettings = new Dictionary<string, string?>
            {
                ["PolicyBot:State:Provider"] = "postgres",
                ["PolicyBot:State:ConnectionString"] = viaRelay.ConnectionString,
            };
        }

        public TcpRelay Relay { get; }

        public Dictionary<string, string?> ServerSettings { get; }

        public static async Task<RelayedSchema> StartAsync()
        {
            var real = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable));
            var schema = "t_" + Guid.NewGuid().ToString("N");
            await using (var admin = NpgsqlDataSource.Create(real.ConnectionString))
                await admin.CreateCommand($"CREATE SCHEMA {schema}").ExecuteNonQueryAsync();
            var relay = new TcpRelay(real.Host ?? "127.0.0.1", real.Port);
            relay.Start();
            return new RelayedSchema(real, schema, relay);
        }

        public async ValueTask DisposeAsync()
        {
            await Relay.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var admin = NpgsqlDataSource.Create(_real.ConnectionString);
            await admin.CreateCommand($"DROP SCHEMA {_schema} CASCADE").ExecuteNonQueryAsync();
        }
    }
}
