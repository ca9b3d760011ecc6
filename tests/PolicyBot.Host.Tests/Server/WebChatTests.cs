using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Feedback;

namespace PolicyBot.Host.Tests.Server;

/// <summary>The web chat page and its JSON API on the real server: the same conversation layer as Discord and Teams.</summary>
public sealed class WebChatTests : IAsyncLifetime
{
    private BotServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await BotServer.StartAsync(new Dictionary<string, string?>());

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> ChatAsync(object request)
    {
        var response = await _http.PostAsJsonAsync(new Uri(_server.Address, "/api/chat"), request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task Page_AndItsAssets_AreServedByTheApp()
    {
        var page = await _http.GetStringAsync(new Uri(_server.Address, "/"));
        Assert.Contains("<form id=\"ask\"", page);
        Assert.Contains("src=\"/app.js\"", page);
        Assert.DoesNotContain("https://", page);   // no CDN
        Assert.Contains("/api/chat", await _http.GetStringAsync(new Uri(_server.Address, "/app.js")));
        Assert.Equal("text/css", (await _http.GetAsync(new Uri(_server.Address, "/app.css"))).Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Chat_QuestionThenFollowUp_AnswersWithCitationsAndKeepsTheConversation()
    {
        var (status, first) = await ChatAsync(new { conversationId = "c1", message = "What are the CRMA benchmarks?" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("answer", first["kind"]!.GetValue<string>());
        var citation = first["citations"]![0]!;
        Assert.Equal("eu-critical-raw-materials-act-2024", citation["documentId"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(citation["quote"]!.GetValue<string>()));
        Assert.StartsWith("Sources as of", first["freshness"]!.GetValue<string>());
        Assert.NotNull(first["replyKey"]);

        var (_, followUp) = await ChatAsync(new { conversationId = "c1", message = "and when did it enter into force?" });
        Assert.Contains("23 May 2024", followUp["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_Latest_ReturnsDatedItems()
    {
        var (status, reply) = await ChatAsync(new { conversationId = "c2", message = "latest" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("measures", reply["kind"]!.GetValue<string>());
        Assert.NotEmpty(reply["items"]!.AsArray());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"message\": \"   \"}")]
    public async Task Chat_MissingMessage_Is400WithAnExplanation(string body)
    {
        var response = await _http.PostAsync(new Uri(_server.Address, "/api/chat"), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("message", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Chat_HugeMessage_Is400()
    {
        var (status, body) = await ChatAsync(new { conversationId = "c3", message = new string('x', 10_000) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("too long", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Feedback_IsStoredWithTheQuestionAndAnswer()
    {
        var (_, reply) = await ChatAsync(new { conversationId = "c4", message = "What are the CRMA benchmarks?" });
        var key = reply["replyKey"]!.GetValue<string>();

        var response = await _http.PostAsJsonAsync(new Uri(_server.Address, "/api/feedback"), new { replyKey = key, helpful = false, reason = "no figures" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var vote = Assert.Single(await _server.Services.GetRequiredService<IFeedbackStore>().ListAsync(null, default));
        Assert.Equal(("web", false, "no figures", "What are the CRMA benchmarks?"), (vote.Platform, vote.Helpful, vote.Reason, vote.Question));
        Assert.Contains("eu-critical-raw-materials-act-2024", vote.CitedDocuments);
    }
}
