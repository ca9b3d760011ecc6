using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PolicyBot.Host.Tests.Cli;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Server;

/// <summary>`policybot load` against real loopback servers: the bot itself, and a server that fails on purpose. No timing is asserted.</summary>
public sealed class LoadCommandTests
{
    [Fact]
    public async Task Load_AgainstTheRealBot_AnswersEveryQuestionWithoutErrors()
    {
        // Every load client is 127.0.0.1, so the per-user question limit is switched off as the README says to for load runs.
        await using var server = await BotServer.StartAsync(new Dictionary<string, string?> { ["PolicyBot:RateLimits:Enabled"] = "false" });
        using var cli = new CliWorkspace();

        var result = await cli.RunAsync("load", "--url", server.Address.ToString(), "--clients", "2", "--duration", "2s", "--json");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var report = JsonNode.Parse(result.Output)!;
        Assert.Equal(0, report["Errors"]!.GetValue<int>());
        Assert.True(report["Succeeded"]!.GetValue<int>() >= 2, result.Output);
        Assert.Equal(report["Requests"]!.GetValue<int>(), report["Succeeded"]!.GetValue<int>());
        Assert.Equal(2, report["Clients"]!.GetValue<int>());
    }

    [Fact]
    public async Task Load_RateLimitedReplies_CountAsErrorsNotAnswers()
    {
        await using var server = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["PolicyBot:RateLimits:PerUser:QuestionsPerMinute"] = "1",
            ["PolicyBot:RateLimits:PerUser:Burst"] = "1",
        });
        // The one question this address may ask this minute is asked here; every load question after it is over the limit.
        Assert.Equal("answer", (await server.ChatAsync("warm-up", "What are the CRMA benchmarks?"))["kind"]!.GetValue<string>());
        using var cli = new CliWorkspace();

        var result = await cli.RunAsync("load", "--url", server.Address.ToString(), "--clients", "1", "--duration", "1s", "--json");

        Assert.Equal(1, result.ExitCode);
        var report = JsonNode.Parse(result.Output)!;
        var requests = report["Requests"]!.GetValue<int>();
        Assert.True(requests >= 1, result.Output);
        Assert.Equal(0, report["Succeeded"]!.GetValue<int>());
        Assert.Equal(requests, report["ErrorKinds"]!["error reply"]!.GetValue<int>());
    }

    [Fact]
    public async Task Load_CountsNon2xxAsErrors_AndEveryRequestTheServerSawIsCounted()
    {
        var seen = 0;
        await using var server = await LoopbackServer.StartAsync(async (context, body) =>
        {
            // Every third request fails; the rest answer like the chat API.
            var n = Interlocked.Increment(ref seen);
            Assert.Contains("\"message\"", body);
            context.Response.StatusCode = n % 3 == 0 ? 500 : 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"kind\":\"answer\",\"text\":\"ok\"}");
        });
        using var cli = new CliWorkspace();

        var result = await cli.RunAsync("load", "--url", server.Address.ToString(), "--clients", "3", "--duration", "1s", "--json");

        Assert.Equal(1, result.ExitCode);   // errors make the command fail
        var report = JsonNode.Parse(result.Output)!;
        var requests = report["Requests"]!.GetValue<int>();
        Assert.Equal(server.Requests.Count, requests);
        Assert.Equal(requests / 3, report["Errors"]!.GetValue<int>());
        Assert.Equal(requests - requests / 3, report["Succeeded"]!.GetValue<int>());
        Assert.Equal(requests / 3, report["ErrorKinds"]!["HTTP 500"]!.GetValue<int>());
        Assert.All(server.Requests, r => Assert.Equal("/api/chat", r.PathAndQuery));
    }

    [Fact]
    public async Task Load_NothingListening_ReportsTransportErrors()
    {
        // A port that was just free: bind, read the port, release.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var cli = new CliWorkspace();

        var result = await cli.RunAsync("load", "--url", $"http://127.0.0.1:{port}", "--clients", "1", "--duration", "300ms", "--json");

        Assert.Equal(1, result.ExitCode);
        var report = JsonNode.Parse(result.Output)!;
        Assert.Equal(0, report["Succeeded"]!.GetValue<int>());
        Assert.True(report["Errors"]!.GetValue<int>() > 0);
        Assert.Equal(report["Requests"]!.GetValue<int>(), report["Errors"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("--duration", "soon")]
    [InlineData("--clients", "0")]
    [InlineData("--url", "ftp://127.0.0.1/")]
    public async Task Load_BadArguments_GiveAClearErrorNotAStackTrace(string option, string value)
    {
        using var cli = new CliWorkspace();
        string[] args = option == "--url" ? ["load", option, value] : ["load", "--url", "http://127.0.0.1:9/", option, value];

        var result = await cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Error: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
