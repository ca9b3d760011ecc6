using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using PolicyBot.Host.Tests.Server;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Observability;

public sealed class TelemetryConfigurationTests
{
    [Theory]
    [InlineData("PolicyBot:Telemetry:OtlpEndpoint", "not a url", "PolicyBot:Telemetry:OtlpEndpoint")]
    [InlineData("PolicyBot:Telemetry:OtlpEndpoint", "ftp://127.0.0.1:4317", "PolicyBot:Telemetry:OtlpEndpoint")]
    [InlineData("PolicyBot:Telemetry:OtlpProtocol", "udp", "PolicyBot:Telemetry:OtlpProtocol")]
    [InlineData("PolicyBot:Telemetry:PrometheusPath", "metrics", "PolicyBot:Telemetry:PrometheusPath")]
    public async Task InvalidTelemetrySetting_FailsAtStartupNamingTheKey(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotServer.StartAsync(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(named, string.Join(" ", error.Failures));
    }

    [Fact]
    public async Task OtlpEndpoint_ReceivesTracesAndMetricsOverHttpProtobuf()
    {
        await using var collector = await LoopbackServer.StartAsync((context, _) => Task.CompletedTask);
        var server = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["PolicyBot:Telemetry:OtlpEndpoint"] = collector.Address.ToString().TrimEnd('/'),
            ["PolicyBot:Telemetry:OtlpProtocol"] = "http/protobuf",
        });
        using (var http = new HttpClient())
            await http.PostAsJsonAsync(new Uri(server.Address, "/api/chat"), new { conversationId = "o1", message = "What are the CRMA benchmarks?" });

        await server.DisposeAsync();   // stopping the host flushes both exporters

        List<RecordedRequest> received;
        lock (collector.Requests) received = [.. collector.Requests];
        Assert.Contains(received, r => r.Method == "POST" && r.PathAndQuery == "/v1/traces" && r.Headers["Content-Type"] == "application/x-protobuf");
        var metrics = Assert.Single(received, r => r.PathAndQuery == "/v1/metrics" && r.Body.Contains("policybot.answer.duration", StringComparison.Ordinal));
        Assert.Contains("policybot.retrieval.duration", metrics.Body);
        Assert.DoesNotContain(received, r => r.Body.Contains("CRMA benchmarks", StringComparison.Ordinal));
    }
}
