using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Conversations;
using PolicyBot.Host.Server;
using PolicyBot.Host.Tests.Cli;

namespace PolicyBot.Host.Tests.Server;

/// <summary>
/// `serve` and `ask` with PolicyBot:Index:Provider=qdrant and Qdrant:Endpoint on a loopback port nothing listens on (no
/// Qdrant server runs here, and none is faked): the server starts and stays up, says why it is not ready, and answers
/// questions with the "index unreachable" reply; the CLI prints one line and fails.
/// </summary>
public sealed class QdrantUnreachableTests
{
    private const string ApiKey = "qdrant-secret-key-value";

    /// <summary>A loopback endpoint that refuses connections: a port the OS just handed out, closed again.</summary>
    private static string ClosedEndpoint()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    private static Dictionary<string, string?> QdrantSettings() => new()
    {
        ["PolicyBot:Index:Provider"] = "qdrant",
        ["Qdrant:Endpoint"] = ClosedEndpoint(),
        ["Qdrant:ApiKey"] = ApiKey,
        ["Qdrant:TimeoutSeconds"] = "5",
    };

    [Fact]
    public async Task Serve_QdrantDown_StartsAndStaysUp_HealthyButNotReady_NamingQdrant()
    {
        await using var server = await BotServer.StartAsync(QdrantSettings());
        using var http = new HttpClient();

        Assert.Equal("ok", await http.GetStringAsync(new Uri(server.Address, "/healthz")));
        var ready = await http.GetAsync(new Uri(server.Address, "/readyz"));
        var reason = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.StartsWith("Unhealthy", reason);
        Assert.Contains("qdrant: Qdrant is not reachable (Unavailable).", reason);
        Assert.Contains("index: The index is unreachable", reason);
        Assert.DoesNotContain(ApiKey, reason);
        Assert.DoesNotContain("127.0.0.1", reason);
        // The warm-up is still waiting for Qdrant in the background rather than having failed the host.
        Assert.False(server.Services.GetRequiredService<IndexWarmup>().Ready.IsCompleted);
        Assert.Equal("ok", await http.GetStringAsync(new Uri(server.Address, "/healthz")));
    }

    [Theory]
    [InlineData("What are the CRMA benchmarks?")]
    [InlineData("/sources graphite")]
    [InlineData("/latest")]
    public async Task WebChat_QdrantDown_RepliesThatTheIndexIsUnreachable(string message)
    {
        await using var server = await BotServer.StartAsync(QdrantSettings());
        using var http = new HttpClient();

        var response = await http.PostAsJsonAsync(new Uri(server.Address, "/api/chat"), new { conversationId = "q1", message });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = JsonNode.Parse(body)!;
        Assert.Equal(ConversationService.IndexUnavailableReply, reply["text"]!.GetValue<string>());
        Assert.Contains("unreachable", ConversationService.IndexUnavailableReply);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain(ApiKey, body);
    }

    [Fact]
    public async Task Ask_QdrantDown_OneClearLineAndNonZeroExit()
    {
        using var cli = new CliWorkspace();
        cli.CopyPolicy("eu-critical-raw-materials-act-2024");

        var result = await cli.RunAsync(["ask", "What are the CRMA benchmarks?"], QdrantSettings());

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal("Error: Qdrant is not reachable (Unavailable). Check Qdrant:Endpoint and that the Qdrant server is running.", line);
        Assert.DoesNotContain(ApiKey, result.Output + result.Error);
    }
}
