using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Feedback;
using PolicyBot.Core.State;
using PolicyBot.Teams.Bot;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Server;

/// <summary>The real server's POST /api/messages with channel tokens from a loopback OpenID/JWKS, replying to a loopback Connector.</summary>
public sealed class TeamsEndToEndTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string AppId = "f5d48856-5b42-41a0-8c3a-c5f944b679b0";
    private FakeTeamsChannel _channel = null!;
    private BotServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _channel = await FakeTeamsChannel.StartAsync();
        _server = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "test-secret",
            ["Teams:OpenIdMetadataUrl"] = new Uri(_channel.Address, "/openidconfiguration").ToString(),
            ["Teams:TokenEndpoint"] = new Uri(_channel.Address, "/token").ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        await _channel.DisposeAsync();
    }

    private JsonObject Fixture(string name)
    {
        var activity = JsonNode.Parse(File.ReadAllText(RepositoryPaths.SharedFile("fixtures", "botframework", "activities", name)))!.AsObject();
        activity["serviceUrl"] = _channel.ServiceUrl;
        return activity;
    }

    private static JsonObject Message(string text, string conversationId = "a:personal-chat-1", string userId = "29:user-1") => new()
    {
        ["type"] = "message", ["id"] = "1700000000001", ["channelId"] = "msteams", ["text"] = text, ["textFormat"] = "plain",
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Ana" },
        ["recipient"] = new JsonObject { ["id"] = $"28:{AppId}", ["name"] = "PolicyBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "50612dbb-0237-4969-b378-8d42590f9c00" },
    };

    private JsonObject WithServiceUrl(JsonObject activity)
    {
        activity["serviceUrl"] = _channel.ServiceUrl;
        return activity;
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = "valid")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Address, "/api/messages"))
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token == "valid") request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _channel.MintToken(AppId, activity["serviceUrl"]!.GetValue<string>()));
        else if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request);
    }

    private async Task<List<RecordedRequest>> WaitForConnectorAsync(int count)
    {
        for (var i = 0; i < 3000 && _channel.ConnectorRequests.Count < count; i++) await Task.Delay(20);
        return [.. _channel.ConnectorRequests];
    }

    [SharedFact]
    public async Task ChannelMention_IsAnsweredWithTypingThenACardWithCitations()
    {
        var activity = Fixture("teams_message_channel_mention.json");
        activity["recipient"]!["id"] = $"28:{AppId}";
        activity["entities"]![0]!["mentioned"]!["id"] = $"28:{AppId}";
        activity["text"] = "<at>ridotest</at> What are the CRMA benchmarks?";

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = await WaitForConnectorAsync(2);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("Bearer connector-access-token", r.Headers["Authorization"]));
        Assert.All(requests, r => Assert.Equal(
            "/amer/v3/conversations/19%3A6848757105754c8981c67612732d9aa7%40thread.tacv2%3Bmessageid%3D1759881511856/activities/1759944781430", r.PathAndQuery));
        Assert.Equal("typing", JsonNode.Parse(requests[0].Body)!["type"]!.GetValue<string>());
        var reply = JsonNode.Parse(requests[1].Body)!;
        Assert.Equal("message", reply["type"]!.GetValue<string>());
        Assert.Contains("[1]", reply["text"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", reply["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal("1.5", reply["attachments"]![0]!["content"]!["version"]!.GetValue<string>());
        var claim = reply["entities"]![0]!["citation"]![0]!;
        Assert.Equal(1, claim["position"]!.GetValue<int>());
        Assert.Contains("Critical Raw Materials", claim["appearance"]!["name"]!.GetValue<string>());
        Assert.Equal(1, _channel.TokenRequests);
    }

    [Fact]
    public async Task ManyReplies_UseOneConnectorToken()
    {
        foreach (var question in new[] { "help", "sources", "latest China" })
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(WithServiceUrl(Message(question)))).StatusCode);
        await WaitForConnectorAsync(6);
        Assert.Equal(1, _channel.TokenRequests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    public async Task MissingOrBadToken_Is401AndNothingIsSent(string? token)
    {
        var activity = Message("What are the CRMA benchmarks?");
        activity["serviceUrl"] = _channel.ServiceUrl;
        var response = await PostAsync(activity, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await Task.Delay(200);
        Assert.Empty(_channel.ConnectorRequests);
    }

    [Fact]
    public async Task TokenForAnotherServiceUrl_Is401()
    {
        var activity = Message("hi");
        activity["serviceUrl"] = _channel.ServiceUrl;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Address, "/api/messages"))
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _channel.MintToken(AppId, "https://evil.example/"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task MalformedJson_Is400()
    {
        var response = await _http.PostAsync(new Uri(_server.Address, "/api/messages"), new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SharedFact]
    public async Task BotAddedAndRemoved_StoresAndForgetsTheConversationAndWelcomes()
    {
        var added = Fixture("teams_conversationupdate_membersadded_personal.json");
        added["conversation"]!["id"] = "a:new-personal-chat";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(added)).StatusCode);

        var store = _server.Services.GetRequiredService<IConversationReferenceStore>();
        var stored = Assert.Single(await store.ListAsync(default));
        Assert.Equal("a:new-personal-chat", stored.ConversationId);
        Assert.Equal(_channel.ServiceUrl, stored.ServiceUrl);
        var welcome = Assert.Single(await WaitForConnectorAsync(1));
        Assert.Contains("PolicyBot", JsonNode.Parse(welcome.Body)!["text"]!.GetValue<string>());

        var removed = Fixture("teams_conversationupdate_membersremoved.json");
        removed["conversation"]!["id"] = "a:new-personal-chat";
        removed["membersRemoved"]![0]!["id"] = $"28:{AppId}";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(removed)).StatusCode);
        Assert.Empty(await store.ListAsync(default));
    }

    [SharedFact]
    public async Task OtherConversationUpdates_AreAcknowledgedAndIgnored()
    {
        foreach (var name in new[] { "teams_conversationupdate_channelcreated.json", "teams_conversationupdate_membersremoved.json", "teams_conversationupdate_membersadded_team.json" })
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(Fixture(name))).StatusCode);
    }

    [Fact]
    public async Task FeedbackInvoke_IsStoredAndAnsweredWithAnInvokeResponse()
    {
        var invoke = Message("");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["serviceUrl"] = _channel.ServiceUrl;
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "feedback", ["data"] = new JsonObject { ["rating"] = "not_helpful", ["replyKey"] = "k1", ["reason"] = "missing date" } },
            ["trigger"] = "manual",
        };

        var response = await PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        var vote = Assert.Single(await _server.Services.GetRequiredService<IFeedbackStore>().ListAsync(null, default));
        Assert.False(vote.Helpful);
        Assert.Equal("missing date", vote.Reason);
        Assert.Equal("teams", vote.Platform);
    }

    [SharedFact]
    public async Task InvokeFixtureWithAnotherAction_GetsA200InvokeResponse()
    {
        var response = await PostAsync(Fixture("teams_invoke_adaptivecard_action.json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task UnknownActivityType_Is200AndIgnored()
    {
        var activity = Message("x");
        activity["type"] = "messageReaction";
        activity["serviceUrl"] = _channel.ServiceUrl;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(activity)).StatusCode);
    }

    [Fact]
    public async Task PersonalQuestions_AllGetACitedReply()
    {
        // Figures for the closing note: from POST /api/messages to the answer reaching the Connector, on loopback.
        var timings = new List<double>();
        for (var i = 0; i < 11; i++)   // the first round warms up and is not counted
        {
            var before = _channel.ConnectorRequests.Count;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(WithServiceUrl(Message("what is the CRMA single-country cap?", $"a:chat-{i}")))).StatusCode);
            var requests = await WaitForConnectorAsync(before + 2);
            if (i > 0) timings.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Assert.Contains("65%", JsonNode.Parse(requests[^1].Body)!["text"]!.GetValue<string>());
        }
        timings.Sort();
        output.WriteLine($"POST /api/messages → Connector reply on loopback: p50 {timings[4]:0.0} ms, p95 {timings[9]:0.0} ms (n=10, includes the 20 ms polling step)");
    }

    [Fact]
    public async Task BriefSubscribe_MemberMaySubscribe_GuestMayNot_ByTheirRosterRole()
    {
        _channel.Roles["29:member"] = "user";
        _channel.Roles["29:guest"] = "guest";
        var subscriptions = _server.Services.GetRequiredService<ISubscriptionStore>();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(WithServiceUrl(Message("brief subscribe daily 08:00 UTC", "a:chat-guest", "29:guest")))).StatusCode);
        var afterGuest = await WaitForConnectorAsync(3);   // roster GET, typing, reply
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(WithServiceUrl(Message("brief subscribe daily 08:00 UTC", "a:chat-member", "29:member")))).StatusCode);
        var all = await WaitForConnectorAsync(6);
        for (var i = 0; i < 300 && (await subscriptions.ListAsync("teams", "a:chat-member", CancellationToken.None)).Count == 0; i++) await Task.Delay(20);

        Assert.Equal(["/amer/v3/conversations/a%3Achat-guest/members/29%3Aguest", "/amer/v3/conversations/a%3Achat-member/members/29%3Amember"],
            all.Where(r => r.Method == "GET").Select(r => r.PathAndQuery));
        Assert.Empty(await subscriptions.ListAsync("teams", "a:chat-guest", CancellationToken.None));
        Assert.Single(await subscriptions.ListAsync("teams", "a:chat-member", CancellationToken.None));
        Assert.Equal(3, afterGuest.Count);
    }
}
