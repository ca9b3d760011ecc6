using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.Teams.Models;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Models;

public sealed class ActivityFixtureTests
{
    [SharedFact]
    public void Deserialize_EveryActivityFixture_RoundTripsWithoutLosingFields()
    {
        var files = Directory.GetFiles(BotFixtures.ActivitiesFolder, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 8, $"expected the 8 activity fixtures, found {files.Count}");

        foreach (var file in files)
        {
            var original = File.ReadAllText(file);
            var activity = JsonSerializer.Deserialize<Activity>(original, BotJson.Options);
            Assert.NotNull(activity);
            var roundTripped = JsonSerializer.Serialize(activity, BotJson.Options);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(roundTripped)),
                $"{Path.GetFileName(file)} changed on a round trip:\n{roundTripped}");
        }
    }

    [SharedFact]
    public void Deserialize_ChannelMessageWithMention_ReadsTheFieldsWeUse()
    {
        var activity = BotFixtures.Activity("teams_message_channel_mention.json");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("1759944781430", activity.Id);
        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/amer/50612dbb-0237-4969-b378-8d42590f9c00/", activity.ServiceUrl);
        Assert.Equal("<at>ridotest</at> reply to thread", activity.Text);
        Assert.Equal("plain", activity.TextFormat);
        Assert.Equal("en-US", activity.Locale);
        Assert.Equal("b15a9416-0ad3-4172-9210-7beb711d3f70", activity.From!.AadObjectId);
        Assert.Equal("28:0b6fe6d1-fece-44f7-9a48-56465e2d5ab8", activity.Recipient!.Id);
        Assert.Equal("19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856", activity.Conversation!.Id);
        Assert.Equal("channel", activity.Conversation.ConversationType);
        Assert.True(activity.Conversation.IsGroup);
        Assert.Equal("50612dbb-0237-4969-b378-8d42590f9c00", activity.Conversation.TenantId);
        Assert.Equal("text/html", Assert.Single(activity.Attachments!).ContentType);

        var mention = Assert.Single(activity.GetMentions()); // the clientInfo entity is ignored
        Assert.Equal(activity.Recipient.Id, mention.Mentioned!.Id);
        Assert.Equal("<at>ridotest</at>", mention.Text);
        Assert.True(activity.Extra!.ContainsKey("localTimezone"));
    }

    [SharedFact]
    public void Deserialize_ConversationUpdates_ExposeMembersAndEventType()
    {
        var added = BotFixtures.Activity("teams_conversationupdate_membersadded_team.json");
        Assert.Equal(ActivityTypes.ConversationUpdate, added.Type);
        Assert.Contains(added.MembersAdded!, m => m.Id == added.Recipient!.Id); // the bot itself was installed
        Assert.Equal("teamMemberAdded", added.ChannelData!.Value.GetProperty("eventType").GetString());

        var personal = BotFixtures.Activity("teams_conversationupdate_membersadded_personal.json");
        Assert.Equal(["28:f5d48856-5b42-41a0-8c3a-c5f944b679b0", "29:<userID>"], personal.MembersAdded!.Select(m => m.Id));
        Assert.Equal("personal", personal.Conversation!.ConversationType);

        var removed = BotFixtures.Activity("teams_conversationupdate_membersremoved.json");
        Assert.Equal("29:1_LCi5Up14pAy65yZuaJzG1uIT7ujYhjjSTsUNqjORsZHjLHKiQIBJa4cX2XsAsRoaY7va2w6ZymA9-1VtSY_g", Assert.Single(removed.MembersRemoved!).Id);

        var created = BotFixtures.Activity("teams_conversationupdate_channelcreated.json");
        Assert.Equal("channelCreated", created.ChannelData!.Value.GetProperty("eventType").GetString());
        Assert.Null(created.MembersAdded);
    }

    [SharedFact]
    public void Deserialize_AdaptiveCardInvoke_ReadsNameAndValue()
    {
        var invoke = BotFixtures.Activity("teams_invoke_adaptivecard_action.json");

        Assert.Equal(ActivityTypes.Invoke, invoke.Type);
        Assert.Equal("adaptiveCard/action", invoke.Name);
        Assert.Equal("Action.Execute", invoke.Value!.Value.GetProperty("action").GetProperty("type").GetString());
        Assert.Equal("1767765488332", invoke.ReplyToId);
        Assert.Empty(invoke.GetMentions());
    }
}
