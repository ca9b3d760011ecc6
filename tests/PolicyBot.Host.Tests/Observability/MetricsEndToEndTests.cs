using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PolicyBot.Host.Tests.Server;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Observability;

/// <summary>Questions, refusals and feedback through the real server's /api/chat show up in the metrics, the traces and /metrics.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsEndToEndTests : IAsyncLifetime
{
    private const string InScope = "What are the CRMA benchmarks?";
    private const string OutOfScope = "What is the best recipe for sourdough bread?";

    private BotServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() =>
        _server = await BotServer.StartAsync(new Dictionary<string, string?> { ["PolicyBot:Telemetry:Prometheus"] = "true" });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private Task<JsonNode> ChatAsync(string conversation, string message) => _server.ChatAsync(conversation, message);

    [Fact]
    public async Task Ask_RecordsLatencyRetrievalCompositionAndSpans_WithoutTheQuestionText()
    {
        using var telemetry = new TelemetryRecorder();

        var reply = await ChatAsync("m1", InScope);

        Assert.Equal("answer", reply["kind"]!.GetValue<string>());
        var question = Assert.Single(telemetry.Of("policybot.questions"));
        Assert.Equal("web", question.Tag("policybot.platform"));
        var latency = Assert.Single(telemetry.Of("policybot.answer.duration"));
        Assert.Equal("answered", latency.Tag("policybot.outcome"));
        var retrieval = Assert.Single(telemetry.Of("policybot.retrieval.duration"));
        var composition = Assert.Single(telemetry.Of("policybot.composition.duration"));
        Assert.True(retrieval.Value > 0 && composition.Value > 0);
        Assert.True(latency.Value >= retrieval.Value + composition.Value, $"{latency.Value} < {retrieval.Value} + {composition.Value}");
        Assert.Empty(telemetry.Of("policybot.refusals"));

        var ask = Assert.Single(telemetry.Activities, a => a.OperationName == "ask");
        Assert.Contains(telemetry.Activities, a => a.OperationName == "retrieve" && a.ParentSpanId == ask.SpanId);
        Assert.Contains(telemetry.Activities, a => a.OperationName == "compose" && a.ParentSpanId == ask.SpanId);
        Assert.DoesNotContain(telemetry.Activities.SelectMany(a => a.TagObjects), t => t.Value?.ToString()?.Contains("CRMA") == true);
    }

    [Fact]
    public async Task OutOfScopeQuestion_CountsARefusal()
    {
        using var telemetry = new TelemetryRecorder();

        var reply = await ChatAsync("m2", OutOfScope);

        Assert.Equal("refusal", reply["kind"]!.GetValue<string>());
        Assert.Equal(1, telemetry.Of("policybot.refusals").Sum(m => m.Value));
        Assert.Equal("refused", Assert.Single(telemetry.Of("policybot.answer.duration")).Tag("policybot.outcome"));
        Assert.Empty(telemetry.Of("policybot.composition.duration"));   // the gate refused before composing
    }

    [Fact]
    public async Task Feedback_IsCountedAsHelpfulOrNot()
    {
        var reply = await ChatAsync("m3", InScope);
        var key = reply["replyKey"]!.GetValue<string>();
        using var telemetry = new TelemetryRecorder();

        foreach (var helpful in new[] { true, false, false })
            Assert.Equal(HttpStatusCode.NoContent,
                (await _http.PostAsJsonAsync(new Uri(_server.Address, "/api/feedback"), new { replyKey = key, helpful })).StatusCode);

        var votes = telemetry.Of("policybot.feedback");
        Assert.Equal(3, votes.Count);
        Assert.All(votes, v => Assert.Equal("web", v.Tag("policybot.platform")));
        Assert.Equal(1, votes.Count(v => v.Tag("policybot.helpful") == "helpful"));
        Assert.Equal(2, votes.Count(v => v.Tag("policybot.helpful") == "not_helpful"));
    }

    [Fact]
    public async Task MetricsEndpoint_ServesPrometheusTextWithThePolicyBotInstruments()
    {
        await ChatAsync("m4", InScope);
        await ChatAsync("m4", OutOfScope);

        var response = await _http.GetAsync(new Uri(_server.Address, "/metrics"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("# TYPE policybot_answer_duration_milliseconds histogram", text);
        Assert.Matches(@"policybot_answer_duration_milliseconds_count\{[^}]*policybot_outcome=""answered""[^}]*\} [1-9]", text);
        Assert.Contains("policybot_retrieval_duration_milliseconds_bucket", text);
        Assert.Contains("policybot_composition_duration_milliseconds_bucket", text);
        Assert.Matches(@"policybot_questions_total\{[^}]*policybot_platform=""web""[^}]*\} [1-9]", text);
        Assert.Matches(@"policybot_refusals_total(\{[^}]*\})? [1-9]", text);
        Assert.DoesNotContain("sourdough", text);
    }

    [Fact]
    public async Task MetricsEndpoint_IsOffUnlessSwitchedOn()
    {
        await using var plain = await BotServer.StartAsync(new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(new Uri(plain.Address, "/metrics"))).StatusCode);
    }
}
