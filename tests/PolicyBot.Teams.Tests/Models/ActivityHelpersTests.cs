using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.Teams.Models;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Models;

public sealed class ActivityHelpersTests
{
    [SharedFact]
    public void CreateReply_ChannelMessage_SwapsAccountsAndKeepsConversation()
    {
        var inbound = BotFixtures.Activity("teams_message_channel_mention.json");

        var reply = inbound.CreateReply("Hello");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal(new ChannelAccount { Id = "28:0b6fe6d1-fece-44f7-9a48-56465e2d5ab8", Name = "ridotest" }, reply.From);
        Assert.Equal(inbound.From, reply.Recipient);
        Assert.Equal(inbound.Conversation, reply.Conversation);
        Assert.Equal("1759944781430", reply.ReplyToId);
        Assert.Equal(inbound.ServiceUrl, reply.ServiceUrl);
        Assert.Equal("msteams", reply.ChannelId);
        Assert.Equal("en-US", reply.Locale);
        Assert.Equal("Hello", reply.Text);
        Assert.Null(reply.Id);
        Assert.Null(reply.Entities);
        Assert.Equal("de-DE", inbound.CreateReply(locale: "de-DE").Locale);
    }

    [Fact]
    public void MentionOf_Account_BuildsTheTeamsEntity()
    {
        var entity = Mention.Of(new ChannelAccount { Id = "29:abc", Name = "rido", AadObjectId = "not-sent" }).ToEntity();

        var expected = JsonNode.Parse("""{"type":"mention","text":"<at>rido</at>","mentioned":{"id":"29:abc","name":"rido"}}""");
        Assert.True(JsonNode.DeepEquals(expected, JsonSerializer.SerializeToNode(entity)), entity.GetRawText());
        Assert.Equal("<at>rido</at>", Mention.FromEntity(entity)!.Text);
        Assert.Null(Mention.FromEntity(JsonDocument.Parse("""{"type":"clientInfo","locale":"en-US"}""").RootElement));
        Assert.Null(Mention.FromEntity(JsonDocument.Parse("""{"type":"mention","mentioned":"not an object"}""").RootElement));
    }

    [SharedFact]
    public void FromActivity_PersonalConversationUpdate_TakesTenantFromChannelData()
    {
        var update = BotFixtures.Activity("teams_conversationupdate_membersadded_personal.json");

        var reference = ConversationReference.FromActivity(update);

        Assert.Equal("f:5f85c2ad", reference.ActivityId);
        Assert.Equal("https://smba.trafficmanager.net/amer-client-ss.msg/", reference.ServiceUrl);
        Assert.Equal("msteams", reference.ChannelId);
        Assert.Equal("***", reference.Conversation!.Id);
        Assert.Equal("<TENANT ID>", reference.Conversation.TenantId);
        Assert.Equal("28:<BOT ID>", reference.Bot!.Id);
        Assert.Equal("29:<USERID>", reference.User!.Id);
    }

    [SharedFact]
    public void ConversationReference_StoredAsJson_LoadsBackEqual()
    {
        var reference = ConversationReference.FromActivity(BotFixtures.Activity("teams_message_channel_mention.json"));

        var json = JsonSerializer.Serialize(reference, BotJson.Options);
        var loaded = JsonSerializer.Deserialize<ConversationReference>(json, BotJson.Options);

        Assert.Equal(reference, loaded);
        Assert.Equal(["activityId", "user", "bot", "conversation", "channelId", "serviceUrl", "locale"],
            JsonNode.Parse(json)!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void ForPersonalChat_Ids_SendsTenantTwiceAndOnlyIds()
    {
        var parameters = ConversationParameters.ForPersonalChat("28:bot", "29:user", "tenant-1");

        var expected = JsonNode.Parse("""
            {"isGroup":false,"bot":{"id":"28:bot"},"members":[{"id":"29:user"}],"tenantId":"tenant-1","channelData":{"tenant":{"id":"tenant-1"}}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonSerializer.SerializeToNode(parameters, BotJson.Options)));
        Assert.Throws<ArgumentException>(() => ConversationParameters.ForPersonalChat("28:bot", "29:user", " "));
    }
}
