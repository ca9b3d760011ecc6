using System.Text.Json;
using PolicyBot.Teams.Bot;
using PolicyBot.Teams.Models;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Bot;

public sealed class MentionTextTests
{
    [SharedFact]
    public void StripBotMention_ChannelFixture_LeavesTheQuestion()
    {
        var json = File.ReadAllText(RepositoryPaths.SharedFile("fixtures", "botframework", "activities", "teams_message_channel_mention.json"));
        var activity = JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;

        Assert.Equal("reply to thread", MentionText.StripBotMention(activity));
    }

    [Fact]
    public void StripBotMention_KeepsOtherPeoplesMentions()
    {
        var activity = JsonSerializer.Deserialize<Activity>("""
            {"type":"message","text":"<at>PolicyBot</at> what did <at>Ana</at> mean by FEOC?&nbsp;",
             "recipient":{"id":"28:bot"},
             "entities":[{"type":"mention","text":"<at>PolicyBot</at>","mentioned":{"id":"28:bot","name":"PolicyBot"}},
                         {"type":"mention","text":"<at>Ana</at>","mentioned":{"id":"29:ana","name":"Ana"}}]}
            """, BotJson.Options)!;

        Assert.Equal("what did <at>Ana</at> mean by FEOC?", MentionText.StripBotMention(activity));
    }

    [Fact]
    public void StripBotMention_PersonalChatWithoutMention_ReturnsTheText() =>
        Assert.Equal("latest China", MentionText.StripBotMention(new Activity { Text = "  latest   China ", Recipient = new ChannelAccount { Id = "28:bot" } }));
}
