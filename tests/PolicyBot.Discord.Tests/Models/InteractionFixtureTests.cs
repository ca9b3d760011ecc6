using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.Discord.Interactions;
using PolicyBot.Discord.Models;
using PolicyBot.Tests;

namespace PolicyBot.Discord.Tests.Models;

/// <summary>Every payload in ../shared/fixtures/discord/interactions parses and keeps the fields PolicyBot reads.</summary>
public sealed class InteractionFixtureTests
{
    private static IEnumerable<string> Fixtures(bool responses) =>
        Directory.GetFiles(RepositoryPaths.SharedFile("fixtures", "discord", "interactions"), "*.json")
            .Where(path => Path.GetFileName(path) != "signature_test_vectors.json")
            .Where(path => Path.GetFileName(path).StartsWith("response_", StringComparison.Ordinal) == responses)
            .Order(StringComparer.Ordinal);

    [SharedFact]
    public void InteractionFixtures_ParseAndRoundTripTheFieldsWeUse()
    {
        var files = Fixtures(responses: false).ToList();
        Assert.Equal(5, files.Count);

        foreach (var file in files)
        {
            var json = File.ReadAllText(file);
            using var expected = JsonDocument.Parse(json);
            var parsed = InteractionJson.Parse(json);
            var roundTripped = InteractionJson.Parse(DiscordJson.Serialize(parsed));

            AssertUsedFields(expected.RootElement, parsed, Path.GetFileName(file));
            AssertUsedFields(expected.RootElement, roundTripped, Path.GetFileName(file) + " (round trip)");
        }
    }

    [SharedFact]
    public void ResponseFixtures_ParseAndRoundTrip()
    {
        var files = Fixtures(responses: true).ToList();
        Assert.Equal(4, files.Count);

        foreach (var file in files)
        {
            using var expected = JsonDocument.Parse(File.ReadAllText(file));
            var parsed = DiscordJson.Deserialize<InteractionResponse>(expected.RootElement);
            var roundTripped = DiscordJson.Deserialize<InteractionResponse>(DiscordJson.Serialize(parsed));

            foreach (var response in new[] { parsed, roundTripped })
            {
                var root = expected.RootElement;
                Assert.Equal(root.GetProperty("type").GetInt32(), response.Type);
                var data = root.TryGetProperty("data", out var d) ? d : (JsonElement?)null;
                Assert.Equal(data is null, response.Data is null);
                Assert.Equal(Str(data, "content"), response.Data?.Content);
                Assert.Equal(data?.TryGetProperty("flags", out var flags) == true ? flags.GetInt32() : null, response.Data?.Flags);
                Assert.Equal(data?.TryGetProperty("embeds", out var embeds) == true ? embeds.GetArrayLength() : null, response.Data?.Embeds?.Count);
                Assert.Equal(data?.TryGetProperty("allowed_mentions", out var mentions) == true ? mentions.GetProperty("parse").GetArrayLength() : null,
                    response.Data?.AllowedMentions?.Parse.Count);
            }
        }
    }

    [SharedFact]
    public void PongAndDeferredResponses_SerializeExactlyAsTheFixtures()
    {
        static string Minified(string name) => JsonNode.Parse(File.ReadAllText(
            RepositoryPaths.SharedFile("fixtures", "discord", "interactions", name)))!.ToJsonString();

        Assert.Equal(Minified("response_pong.json"), DiscordJson.Serialize(new InteractionResponse(InteractionCallbackType.Pong)));
        Assert.Equal(Minified("response_deferred_channel_message.json"),
            DiscordJson.Serialize(new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource)));
        Assert.Equal(Minified("response_deferred_ephemeral.json"),
            DiscordJson.Serialize(new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource, new MessagePayload { Flags = 64 })));
    }

    [SharedFact]
    public void InvokingUser_InGuild_ComesFromMemberAndInDirectMessage_FromUser()
    {
        var guild = JsonNode.Parse(File.ReadAllText(
            RepositoryPaths.SharedFile("fixtures", "discord", "interactions", "application_command_chat_input.json")))!.AsObject();
        var dm = guild.DeepClone().AsObject();
        dm.Remove("member");
        dm.Remove("guild_id");
        dm["user"] = new JsonObject { ["id"] = "80351110224678912", ["username"] = "Nelly" };

        var fromGuild = InteractionJson.Parse(guild.ToJsonString());
        var fromDm = InteractionJson.Parse(dm.ToJsonString());

        Assert.Equal("53908232506183680", fromGuild.InvokingUser?.Id);
        Assert.Null(fromGuild.User);
        Assert.Equal("80351110224678912", fromDm.InvokingUser?.Id);
        Assert.Null(fromDm.Member);
        Assert.Equal("The Gitrog Monster", fromDm.Data?.Option("cardname"));
    }

    private static void AssertUsedFields(JsonElement expected, Interaction actual, string file)
    {
        Assert.True(expected.GetProperty("type").GetInt32() == actual.Type, file + ": type");
        Assert.True(Str(expected, "id", "") == actual.Id, file + ": id");
        Assert.True(Str(expected, "application_id", "") == actual.ApplicationId, file + ": application_id");
        Assert.True(Str(expected, "token", "") == actual.Token, file + ": token");
        Assert.True(Str(expected, "guild_id") == actual.GuildId, file + ": guild_id");
        Assert.True(Str(expected, "channel_id") == actual.ChannelId, file + ": channel_id");

        var invoker = expected.TryGetProperty("member", out var member) ? Str(member.GetProperty("user"), "id")
            : expected.TryGetProperty("user", out var user) ? Str(user, "id") : null;
        Assert.True(invoker == actual.InvokingUser?.Id, file + ": invoking user");

        var data = expected.TryGetProperty("data", out var d) ? d : (JsonElement?)null;
        Assert.True(Str(data, "name") == actual.Data?.Name, file + ": data.name");
        Assert.True(Str(data, "target_id") == actual.Data?.TargetId, file + ": data.target_id");
        Assert.True(Options(data) == Options(actual.Data?.Options), file + ": data.options");
    }

    private static string? Str(JsonElement? element, string name, string? missing = null) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.GetString()
            : missing;

    private static string Options(JsonElement? data) =>
        data is { } d && d.TryGetProperty("options", out var options)
            ? string.Join(";", options.EnumerateArray().Select(o =>
                $"{o.GetProperty("name").GetString()}:{o.GetProperty("type").GetInt32()}="
                + (o.TryGetProperty("value", out var v) ? v.GetRawText() : "") + "[" + Options(o) + "]"
                + (o.TryGetProperty("focused", out var f) ? f.GetRawText() : "")))
            : "";

    private static string Options(IReadOnlyList<InteractionOption>? options) =>
        options is null ? "" : string.Join(";", options.Select(o =>
            $"{o.Name}:{o.Type}=" + (o.Value?.GetRawText() ?? "") + "[" + Options(o.Options) + "]"
            + (o.Focused is { } f ? (f ? "true" : "false") : "")));
}
