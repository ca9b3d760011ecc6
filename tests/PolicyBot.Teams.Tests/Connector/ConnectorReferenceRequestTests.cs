using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.Teams.Models;
using PolicyBot.Teams.Tests.Models;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Connector;

/// <summary>Our requests against the ones botframework-connector@4.23.3 sent for the same inputs (reference_connectorclient_requests.generated.json).</summary>
public sealed class ConnectorReferenceRequestTests
{
    private const string ChannelConversation = "19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856";

    private static void AssertMatches(JsonNode reference, CapturedRequest actual, params string[] ignoredBodyKeys)
    {
        Assert.Equal(reference["method"]!.GetValue<string>(), actual.Method);
        // The reference served http://127.0.0.1:<port>/amer/ as {serviceUrl}; so does the harness.
        Assert.Equal(reference["path"]!.GetValue<string>().Replace("{serviceUrl}", "/amer/", StringComparison.Ordinal), actual.RawTarget);
        Assert.Equal(reference["headers"]!["content-type"]!.GetValue<string>(), actual.Headers["Content-Type"]);
        Assert.Equal("Bearer token-1", actual.Headers["Authorization"]);
        JsonAssert.Equivalent(reference["body"], actual.Body, ignoredBodyKeys);
    }

    [SharedFact]
    public async Task ReplyToActivityAsync_ChannelThreadReply_MatchesReferencePathAndBody()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var inbound = BotFixtures.Activity("teams_message_channel_mention.json");
        var reply = inbound.CreateReply("Hello <at>rido</at>") with { TextFormat = "xml", Entities = [Mention.Of(inbound.From!).ToEntity()] };

        var response = await harness.Client.ReplyToActivityAsync(harness.ServiceUrl, inbound.Conversation!.Id!, inbound.Id!, reply, CancellationToken.None);

        Assert.Equal("activity-1", response.Id);
        var request = Assert.Single(harness.ConnectorRequests);
        // CreateReply also copies channelId and locale, which the reference's hand-built activity did not carry.
        AssertMatches(BotFixtures.ReferenceRequest(0), request, "channelId", "locale");
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("msteams", body["channelId"]!.GetValue<string>());
        Assert.Null(body["serviceUrl"]); // spec A2302: bots do not populate serviceUrl
    }

    [SharedFact]
    public async Task SendToConversationAsync_ServiceUrlWithOrWithoutSlash_SamePercentEncodedPath()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var activity = new Activity { Text = "proactive message via stored conversation reference" };

        await harness.Client.SendToConversationAsync(harness.ServiceUrl, ChannelConversation, activity, CancellationToken.None);
        await harness.Client.SendToConversationAsync(harness.ServiceUrl.TrimEnd('/'), ChannelConversation, activity, CancellationToken.None);

        Assert.Equal(2, harness.ConnectorRequests.Count);
        Assert.All(harness.ConnectorRequests, request => AssertMatches(BotFixtures.ReferenceRequest(1), request));
    }

    [SharedFact]
    public async Task CreateConversationAsync_PersonalChat_MatchesReferenceBody()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Script(new ScriptedResponse(201, """{"id":"a:new-chat","activityId":"1:first"}"""));
        var inbound = BotFixtures.Activity("teams_message_channel_mention.json");
        var parameters = ConversationParameters.ForPersonalChat(inbound.Recipient!.Id!, inbound.From!.Id!, inbound.Conversation!.TenantId!);

        var created = await harness.Client.CreateConversationAsync(harness.ServiceUrl, parameters, CancellationToken.None);

        Assert.Equal("a:new-chat", created.Id);
        Assert.Equal("1:first", created.ActivityId);
        AssertMatches(BotFixtures.ReferenceRequest(2), Assert.Single(harness.ConnectorRequests));
    }

    [SharedFact]
    public async Task UpdateActivityAsync_ActivityIdWithColon_IsPercentEncodedLikeTheReference()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        await harness.Client.UpdateActivityAsync(harness.ServiceUrl, ChannelConversation, "1:reply-id",
            new Activity { Id = "1:reply-id", Text = "edited" }, CancellationToken.None);

        AssertMatches(BotFixtures.ReferenceRequest(3), Assert.Single(harness.ConnectorRequests));
    }

    [SharedFact]
    public async Task SendToConversationAsync_OutboundCardFixture_SendsEveryFieldButServiceUrl()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var fixture = BotFixtures.Json("activities", "outbound_reply_adaptivecard_with_mentions.json");
        var activity = JsonSerializer.Deserialize<Activity>(fixture.ToJsonString(), BotJson.Options)!;

        await harness.Client.SendToConversationAsync(harness.ServiceUrl, activity.Conversation!.Id!, activity, CancellationToken.None);

        var expected = fixture.DeepClone().AsObject();
        expected.Remove("serviceUrl");
        JsonAssert.Equivalent(expected, Assert.Single(harness.ConnectorRequests).Body);
    }
}
