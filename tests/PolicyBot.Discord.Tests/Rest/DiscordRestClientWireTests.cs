using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Rest;
using PolicyBot.Tests;

namespace PolicyBot.Discord.Tests.Rest;

/// <summary>Exact requests on the wire (method, path, headers, JSON names) against a real Kestrel server on 127.0.0.1.</summary>
public sealed class DiscordRestClientWireTests : IAsyncLifetime
{
    private const string InteractionToken = "aW50ZXJhY3Rpb246MTIz.tok-en_1";
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(RespondAsync);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CreateMessageAsync_PostsSnakeCaseBodyWithBotAuthorization()
    {
        var payload = new MessagePayload
        {
            Content = "Cells must be stored below 30 °C [1]",
            AllowedMentions = AllowedMentions.None,
            MessageReference = new MessageReference { MessageId = "555", FailIfNotExists = false },
            Nonce = "n-1",
            EnforceNonce = true,
        };

        var message = await RestTestClient.Create(_server).CreateMessageAsync("111", payload, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/api/v10/channels/111/messages"), (request.Method, request.PathAndQuery));
        AssertBotHeaders(request);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        var expected = """
            {"content":"Cells must be stored below 30 °C [1]","allowed_mentions":{"parse":[],"replied_user":false},
             "message_reference":{"message_id":"555","fail_if_not_exists":false},"nonce":"n-1","enforce_nonce":true}
            """;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(request.Body)), request.Body);
        Assert.Equal(("111", "n-1"), (message.ChannelId, JsonDocument.Parse(request.Body).RootElement.GetProperty("nonce").GetString()));
    }

    [Fact]
    public async Task StartThreadFromMessageAsync_PostsNameAndArchiveDuration()
    {
        var thread = await RestTestClient.Create(_server).StartThreadFromMessageAsync("111", "222", new StartThreadPayload("Battery storage"), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/api/v10/channels/111/messages/222/threads"), (request.Method, request.PathAndQuery));
        AssertBotHeaders(request);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"name":"Battery storage","auto_archive_duration":1440}"""), JsonNode.Parse(request.Body)), request.Body);
        Assert.True(thread.IsThread);
    }

    [Fact]
    public async Task CreateInteractionResponseAsync_PostsCallbackWithoutAuthorization()
    {
        var response = new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource, new MessagePayload { Flags = 64 });

        await RestTestClient.Create(_server).CreateInteractionResponseAsync("333", InteractionToken, response, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", $"/api/v10/interactions/333/{InteractionToken}/callback"), (request.Method, request.PathAndQuery));
        AssertNoAuthorization(request);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":5,"data":{"flags":64}}"""), JsonNode.Parse(request.Body)), request.Body);
    }

    [Fact]
    public async Task EditOriginalInteractionResponseAsync_PatchesOriginalWithoutAuthorization()
    {
        var message = await RestTestClient.Create(_server).EditOriginalInteractionResponseAsync("app1", InteractionToken,
            new MessagePayload { Content = "Answer", AllowedMentions = AllowedMentions.None }, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("PATCH", $"/api/v10/webhooks/app1/{InteractionToken}/messages/@original"), (request.Method, request.PathAndQuery));
        AssertNoAuthorization(request);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"content":"Answer","allowed_mentions":{"parse":[],"replied_user":false}}"""), JsonNode.Parse(request.Body)));
        Assert.Equal("ok", message.Content);
    }

    [Fact]
    public async Task CreateFollowupMessageAsync_PostsToWebhookWithoutAuthorization()
    {
        await RestTestClient.Create(_server).CreateFollowupMessageAsync("app1", InteractionToken, new MessagePayload { Content = "More", Flags = 64 }, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", $"/api/v10/webhooks/app1/{InteractionToken}"), (request.Method, request.PathAndQuery));
        AssertNoAuthorization(request);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"content":"More","flags":64}"""), JsonNode.Parse(request.Body)));
    }

    [Theory]
    [InlineData(null, "/api/v10/applications/app1/commands")]
    [InlineData("777", "/api/v10/applications/app1/guilds/777/commands")]
    public async Task BulkOverwriteCommandsAsync_PutsArrayToGlobalOrGuildRoute(string? guildId, string path)
    {
        ApplicationCommand[] commands =
        [
            new() { Name = "ask", Description = "Ask a battery-policy question",
                Options = [new ApplicationCommandOption { Name = "question", Description = "Your question", Required = true }] },
        ];

        var result = await RestTestClient.Create(_server).BulkOverwriteCommandsAsync("app1", guildId, commands, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("PUT", path), (request.Method, request.PathAndQuery));
        AssertBotHeaders(request);
        var expected = """[{"name":"ask","description":"Ask a battery-policy question","type":1,"options":[{"type":3,"name":"question","description":"Your question","required":true}]}]""";
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(request.Body)), request.Body);
        Assert.Equal(("ask", "c1"), (Assert.Single(result).Name, result[0].Id));
    }

    [Fact]
    public async Task GetGatewayBotUrlAsync_ReturnsUrl()
    {
        var url = await RestTestClient.Create(_server).GetGatewayBotUrlAsync(CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("GET", "/api/v10/gateway/bot", ""), (request.Method, request.PathAndQuery, request.Body));
        AssertBotHeaders(request);
        Assert.Equal("wss://gateway.discord.gg", url);
    }

    [Fact]
    public async Task CreateMessageAsync_InvalidFormBody_ThrowsParsedErrorWithoutToken()
    {
        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            RestTestClient.Create(_server).CreateMessageAsync("400", new MessagePayload { Content = "x" }, CancellationToken.None));

        Assert.Equal((HttpStatusCode.BadRequest, 50035, "POST /channels/{channel_id}/messages"), (error.StatusCode, error.ErrorCode, error.Route));
        Assert.Equal("content", Assert.Single(error.FieldErrors).Path);
        Assert.DoesNotContain(RestTestClient.Token, error.ToString());
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task BotRouteWithoutToken_ThrowsWithoutSending_WhileWebhookRoutesStillWork()
    {
        var client = RestTestClient.Create(_server, token: null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetGatewayBotUrlAsync(CancellationToken.None));
        await client.CreateFollowupMessageAsync("app1", InteractionToken, new MessagePayload { Content = "x" }, CancellationToken.None);

        Assert.Contains("Discord:Token", error.Message);
        Assert.Equal("POST", Assert.Single(_server.Requests).Method);
    }

    private static void AssertBotHeaders(RecordedRequest request)
    {
        Assert.Equal("Bot " + RestTestClient.Token, request.Headers["Authorization"]);
        Assert.Equal("DiscordBot (https://github.com/policybot, 1.0)", request.Headers["User-Agent"]);
    }

    private static void AssertNoAuthorization(RecordedRequest request)
    {
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.Equal(DiscordRestClient.UserAgent, request.Headers["User-Agent"]);
    }

    private static async Task RespondAsync(HttpContext context, string body)
    {
        var path = context.Request.Path.Value!;
        context.Response.ContentType = "application/json";
        if (path.EndsWith("/callback", StringComparison.Ordinal)) context.Response.StatusCode = 204;
        else if (path == "/api/v10/channels/400/messages")
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("""{"code":50035,"message":"Invalid Form Body","errors":{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]}}}""");
        }
        else if (path.EndsWith("/threads", StringComparison.Ordinal)) await context.Response.WriteAsync("""{"id":"900","type":11,"name":"Battery storage","parent_id":"111"}""");
        else if (path.EndsWith("/commands", StringComparison.Ordinal)) await context.Response.WriteAsync(
            """[{"id":"c1","application_id":"app1","version":"1","name":"ask","description":"Ask a battery-policy question","type":1}]""");
        else if (path == "/api/v10/gateway/bot") await context.Response.WriteAsync("""{"url":"wss://gateway.discord.gg","shards":1}""");
        else await context.Response.WriteAsync(RestTestClient.MessageJson(path.Split('/')[4], body));
    }
}
