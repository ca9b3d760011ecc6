using System.Net;
using System.Text.Json.Nodes;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Rest;
using PolicyBot.Discord.Tests.Support;
using PolicyBot.Tests;

namespace PolicyBot.Discord.Tests.Rest;

public sealed class RestFixtureTests
{
    [SharedFact]
    public void MessageObjectExample_ParsesAsDiscordMessage_AndRoundTripsUsedFields()
    {
        var message = DiscordJson.Deserialize<DiscordMessage>(DiscordFixtures.Rest("message_object_example.json"));

        Assert.Equal("334385199974967042", message.Id);
        Assert.Equal("290926798999357250", message.ChannelId);
        Assert.Equal("Supa Hot", message.Content);
        Assert.Equal("53908099506183680", message.Author?.Id);
        Assert.Equal("Mason", message.Author?.Username);
        Assert.Equal("2017-07-11T17:27:07.299000+00:00", message.Timestamp);
        Assert.Equal(0, message.Type);
        Assert.Empty(message.Mentions);
        Assert.Empty(message.Embeds!);
        var original = DiscordFixtures.RestNode("message_object_example.json");
        var written = JsonNode.Parse(DiscordJson.Serialize(message))!;
        foreach (var field in new[] { "id", "channel_id", "content", "timestamp", "type", "mentions", "embeds" })
            Assert.True(JsonNode.DeepEquals(original[field], written[field]), field);
        Assert.Equal(original["author"]!["id"]!.GetValue<string>(), written["author"]!["id"]!.GetValue<string>());
        Assert.Equal(DiscordJson.Serialize(message), DiscordJson.Serialize(DiscordJson.Deserialize<DiscordMessage>(written.ToJsonString())));
    }

    [SharedFact]
    public void CreateMessageRequest_ParsesAsMessagePayload_AndRoundTripsUsedFields()
    {
        var original = DiscordFixtures.RestNode("create_message_request.json").AsObject();
        var payload = DiscordJson.Deserialize<MessagePayload>(original.ToJsonString());

        Assert.Equal("Hello, World!", payload.Content);
        var embed = Assert.Single(payload.Embeds!);
        Assert.Equal(("Hello, Embed!", "This is an embedded message."), (embed.Title, embed.Description));
        original.Remove("tts"); // not a field PolicyBot sends
        Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(DiscordJson.Serialize(payload))), DiscordJson.Serialize(payload));
    }

    [SharedFact]
    public void AllowedMentionsSuppressAll_RoundTripsAsEmptyParse()
    {
        var original = DiscordFixtures.RestNode("allowed_mentions_suppress_all.json");
        var payload = DiscordJson.Deserialize<MessagePayload>(original.ToJsonString());

        Assert.Empty(payload.AllowedMentions!.Parse);
        Assert.Null(payload.AllowedMentions.Users);
        Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(DiscordJson.Serialize(payload))), DiscordJson.Serialize(payload));
        Assert.Equal("""{"parse":[],"replied_user":false}""", DiscordJson.Serialize(AllowedMentions.None));
    }

    [SharedFact]
    public void AllowedMentionsParseUsersRoles_RoundTrips()
    {
        var original = DiscordFixtures.RestNode("allowed_mentions_parse_users_roles.json");
        var payload = DiscordJson.Deserialize<MessagePayload>(original.ToJsonString());

        Assert.Equal(["users", "roles"], payload.AllowedMentions!.Parse);
        Assert.Empty(payload.AllowedMentions.Users!);
        Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(DiscordJson.Serialize(payload))), DiscordJson.Serialize(payload));
    }

    [SharedFact]
    public void BlepCommand_ParsesAsApplicationCommand_AndRoundTripsExactly()
    {
        var original = DiscordFixtures.RestNode("application_command_blep_create.json");
        var command = DiscordJson.Deserialize<ApplicationCommand>(original.ToJsonString());

        Assert.Equal(("blep", 1), (command.Name, command.Type));
        Assert.Equal(2, command.Options!.Count);
        Assert.Equal(["animal_dog", "animal_cat", "animal_penguin"], command.Options[0].Choices!.Select(c => c.Value));
        Assert.Equal((5, false), (command.Options[1].Type, command.Options[1].Required));
        Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(DiscordJson.Serialize(command))), DiscordJson.Serialize(command));
    }

    [SharedFact]
    public void LocalizedCommand_ParsesAndKeepsTheFieldsWeUse()
    {
        var original = DiscordFixtures.RestNode("application_command_localized_create.json").AsObject();
        var command = DiscordJson.Deserialize<ApplicationCommand>(original.ToJsonString());

        Assert.Equal(("birthday", "Wish a friend a happy birthday"), (command.Name, command.Description));
        var age = Assert.Single(command.Options!);
        Assert.Equal(("age", 4), (age.Name, age.Type));
        // Localizations are not modelled: everything else survives a round trip.
        original.Remove("name_localizations");
        original.Remove("description_localizations");
        original["options"]![0]!.AsObject().Remove("name_localizations");
        original["options"]![0]!.AsObject().Remove("description_localizations");
        Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(DiscordJson.Serialize(command))), DiscordJson.Serialize(command));
    }

    [SharedFact]
    public void Error50014_ParsesCodeAndMessage()
    {
        var error = DiscordApiException.FromResponse(HttpStatusCode.Unauthorized, "GET /gateway/bot", DiscordFixtures.Rest("error_50014.json"));

        Assert.Equal((HttpStatusCode.Unauthorized, 50014, "Invalid authentication token"), (error.StatusCode, error.ErrorCode, error.ErrorMessage));
        Assert.Empty(error.FieldErrors);
        Assert.Contains("50014", error.Message);
    }

    [SharedFact]
    public void InvalidFormBody_FlattensErrors()
    {
        var error = DiscordApiException.FromResponse(HttpStatusCode.BadRequest, "POST /channels/{channel_id}/messages",
            DiscordFixtures.Rest("error_invalid_form_body_50035.json"));

        Assert.Equal((50035, "Invalid Form Body"), (error.ErrorCode, error.ErrorMessage));
        Assert.Equal([new DiscordFieldError("access_token", "BASE_TYPE_REQUIRED", "This field is required")], error.FieldErrors);
        Assert.Contains("access_token: BASE_TYPE_REQUIRED", error.Message);
    }

    [SharedFact]
    public void NestedInvalidFormBody_FlattensErrorsWithDottedPaths()
    {
        var error = DiscordApiException.FromResponse(HttpStatusCode.BadRequest, "PUT /x", DiscordFixtures.Rest("error_invalid_form_body_nested_50035.json"));

        Assert.Equal(["activities.0.platform", "activities.0.type"], error.FieldErrors.Select(e => e.Path));
        Assert.All(error.FieldErrors, e => Assert.Equal("BASE_TYPE_CHOICES", e.Code));
        Assert.StartsWith("Value must be one of ('desktop'", error.FieldErrors[0].Message);
    }

    [SharedFact]
    public void RateLimitFixtures_ParseIntoRetryAfterScopeAndGlobal()
    {
        Assert.Equal((64.57, false, "user"), Read("rate_limit_429_user.json"));
        Assert.Equal((1336.57, false, "shared"), Read("rate_limit_429_shared.json"));
        Assert.Equal((64.57, true, "global"), Read("rate_limit_429_global.json"));

        var user = Response(DiscordFixtures.RateLimit("rate_limit_429_user.json")).RateLimit;
        Assert.Equal(("abcd1234", 0, 64.57), (user.Bucket, user.Remaining, user.ResetAfter));
        var ok = Response(DiscordFixtures.RateLimit("rate_limit_headers_ok_response.json")).RateLimit;
        Assert.Equal(("abcd1234", 0, 1.0, false), (ok.Bucket, ok.Remaining, ok.ResetAfter, ok.Global));

        static (double, bool, string) Read(string name)
        {
            var (retryAfter, global, scope) = Response(DiscordFixtures.RateLimit(name)).ReadRateLimit();
            return (Math.Round(retryAfter.TotalSeconds, 3), global, scope);
        }
    }

    [SharedFact]
    public void GatewayBotResponse_ParsesUrl()
    {
        var response = DiscordJson.Deserialize<GatewayBotResponse>(DiscordFixtures.Gateway("get_gateway_bot_response.json"));

        Assert.Equal(("wss://gateway.discord.gg/", 9), (response.Url, response.Shards));
    }

    private static DiscordResponse Response(RecordedResponse fixture) =>
        new((HttpStatusCode)fixture.Status, RateLimitHeaders.From(name => fixture.Headers.TryGetValue(name, out var v) ? v : null), fixture.Body);
}
