using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using PolicyBot.Core.Conversations;
using PolicyBot.Host.Tests.Server;

namespace PolicyBot.Host.Tests.Observability;

/// <summary>/readyz follows the configured dependencies: false with a short reason while one is down, true again when it is back.</summary>
public sealed class ReadinessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Polls /readyz until it answers <paramref name="expected"/> (the language-model check caches its result for a few seconds).</summary>
    private static async Task<string> WaitForReadinessAsync(HttpClient http, BotServer server, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var response = await http.GetAsync(new Uri(server.Address, "/readyz"));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == expected) return body;
            if (DateTime.UtcNow > deadline) Assert.Fail($"/readyz still answered {(int)response.StatusCode} {body}");
            await Task.Delay(250);
        }
    }

    private static int ClosedPort()
    {
        var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    [Fact]
    public async Task LanguageModelDown_NotReadyWithAReason_AnswersExtractively_AndReadyAgainWhenItReturns()
    {
        await using var model = new FakeChatModelServer();
        await model.StartAsync();
        await using var server = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["PolicyBot:Ai:Chat:Provider"] = "openai",
            ["PolicyBot:Ai:Chat:Endpoint"] = model.Endpoint,
            ["PolicyBot:Ai:Chat:Model"] = "test-model",
            ["PolicyBot:Ai:Chat:MaxRetries"] = "0",
        });
        using var http = new HttpClient();
        Assert.Equal("Healthy", await WaitForReadinessAsync(http, server, HttpStatusCode.OK));

        await model.StopAsync();
        var down = await WaitForReadinessAsync(http, server, HttpStatusCode.ServiceUnavailable);
        var reply = await server.ChatAsync("r1", "What are the CRMA benchmarks?");

        Assert.Equal("Unhealthy\nlanguage-model: The language model endpoint is not reachable (ConnectionError).", down);
        Assert.Equal("answer", reply["kind"]!.GetValue<string>());
        Assert.StartsWith("The language model could not be reached, so this answer was extracted directly from the documents.", reply["notice"]!.GetValue<string>());

        await model.StartAsync();
        Assert.Equal("Healthy", await WaitForReadinessAsync(http, server, HttpStatusCode.OK));
        var recovered = await server.ChatAsync("r2", "What are the CRMA benchmarks?");
        Assert.StartsWith("The CRMA sets benchmarks for extraction, processing and recycling [1]", recovered["text"]!.GetValue<string>());
        Assert.Null(recovered["notice"]);
    }

    [Fact]
    public async Task PostgresUnreachable_NotReady_AndBriefCommandsSayTryLaterWithoutAStackTrace()
    {
        // Configured for PostgreSQL, but nothing listens on the port.
        await using var server = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["PolicyBot:State:Provider"] = "postgres",
            ["PolicyBot:State:ConnectionString"] = $"Host=127.0.0.1;Port={ClosedPort()};Username=policybot;Password=not-used;Database=policybot;Timeout=3",
        });
        using var http = new HttpClient();

        var readiness = await http.GetAsync(new Uri(server.Address, "/readyz"));
        var response = await http.PostAsJsonAsync(new Uri(server.Address, "/api/chat"), new { conversationId = "p1", message = "brief list" });
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var question = await server.ChatAsync("p1", "What are the CRMA benchmarks?");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);
        Assert.Equal("Unhealthy\npostgres: PostgreSQL is not reachable (NpgsqlException).", await readiness.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("error", reply["kind"]!.GetValue<string>());
        Assert.Equal(ConversationService.StateUnavailableReply, reply["text"]!.GetValue<string>());
        Assert.Equal("answer", question["kind"]!.GetValue<string>());   // questions do not need the state store
    }
}
