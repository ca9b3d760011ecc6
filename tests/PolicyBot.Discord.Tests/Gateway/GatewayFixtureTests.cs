using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.Discord.Gateway;
using PolicyBot.Discord.Models;
using PolicyBot.Tests;
using static PolicyBot.Discord.Tests.Gateway.GatewayFixtures;

namespace PolicyBot.Discord.Tests.Gateway;

public sealed class GatewayFixtureTests
{
    [SharedFact]
    public void EveryFrameFixture_ParsesAsGatewayPayloadAndRoundTrips()
    {
        var names = FrameNames().ToList();
        Assert.True(names.Count >= 12, string.Join(", ", names));
        foreach (var name in names)
        {
            var original = Node(name).AsObject();
            var payload = Payload(name);

            Assert.Equal(original["op"]!.GetValue<int>(), payload.Op);
            Assert.Equal(original["s"]?.GetValue<int>(), payload.S);
            Assert.Equal(original["t"]?.GetValue<string>(), payload.T);
            if (name.StartsWith("op", StringComparison.Ordinal))
                Assert.Equal(name[2..name.IndexOf('_')], payload.Op.ToString(System.Globalization.CultureInfo.InvariantCulture));

            var again = JsonNode.Parse(DiscordJson.Serialize(payload))!.AsObject();
            Assert.Equal(payload.Op, again["op"]!.GetValue<int>());
            Assert.Equal(payload.S, again["s"]?.GetValue<int>());
            Assert.Equal(payload.T, again["t"]?.GetValue<string>());
            var d = original["d"];
            Assert.True(JsonNode.DeepEquals(d, again["d"]), $"{name}: d changed in the round trip");
        }
    }

    [SharedFact]
    public void DispatchEnvelope_HasOpSequenceAndEventName()
    {
        var payload = Payload("dispatch_envelope.json");
        Assert.Equal((GatewayOpcode.Dispatch, 42, "GATEWAY_EVENT_NAME"), (payload.Op, payload.S!.Value, payload.T));
    }

    [SharedFact]
    public void Hello_GivesTheHeartbeatInterval()
    {
        var payload = Payload("op10_hello.json");
        Assert.Equal(GatewayOpcode.Hello, payload.Op);
        Assert.Equal(45000, Data<HelloData>(payload).HeartbeatInterval);
        Assert.Equal("""{"heartbeat_interval":45000}""", DiscordJson.Serialize(Data<HelloData>(payload)));
    }

    [SharedFact]
    public void HeartbeatAckReconnectInvalidSession_HaveTheirOpcodesAndData()
    {
        Assert.Equal(GatewayOpcode.HeartbeatAck, Payload("op11_heartbeat_ack.json").Op);
        Assert.Null(Payload("op11_heartbeat_ack.json").D);
        Assert.Equal(GatewayOpcode.Reconnect, Payload("op7_reconnect.json").Op);
        var invalid = Payload("op9_invalid_session.json");
        Assert.Equal(GatewayOpcode.InvalidSession, invalid.Op);
        Assert.Equal(JsonValueKind.False, invalid.D!.Value.ValueKind);
    }

    [SharedFact]
    public void Heartbeat_OurFrameMatchesTheFixture()
    {
        var payload = Payload("op1_heartbeat.json");
        var ours = DiscordJson.Serialize(new GatewayCommand<int?>(GatewayOpcode.Heartbeat, payload.D!.Value.GetInt32()));
        Assert.True(JsonNode.DeepEquals(Node("op1_heartbeat.json"), JsonNode.Parse(ours)));
        Assert.Equal("""{"op":1,"d":null}""", DiscordJson.Serialize(new GatewayCommand<int?>(GatewayOpcode.Heartbeat, null)));
    }

    [SharedFact]
    public void Identify_OurCommandRoundTripsTheFixture()
    {
        var payload = Payload("op2_identify.json");
        var identify = Data<IdentifyCommand>(payload);
        Assert.Equal(("my_token", 513), (identify.Token, identify.Intents));
        Assert.Equal(new IdentifyProperties("linux", "my_library", "my_library"), identify.Properties);
        Assert.Null(identify.Shard);

        var ours = DiscordJson.Serialize(new GatewayCommand<IdentifyCommand>(GatewayOpcode.Identify, identify));
        Assert.True(JsonNode.DeepEquals(Node("op2_identify.json"), JsonNode.Parse(ours)), ours);
        Assert.DoesNotContain("my_token", identify.ToString());
    }

    [SharedFact]
    public void Resume_OurCommandRoundTripsTheFixture()
    {
        var resume = Data<ResumeCommand>(Payload("op6_resume.json"));
        Assert.Equal(new ResumeCommand("my_token", "session_id_i_stored", 1337), resume);

        var ours = DiscordJson.Serialize(new GatewayCommand<ResumeCommand>(GatewayOpcode.Resume, resume));
        Assert.True(JsonNode.DeepEquals(Node("op6_resume.json"), JsonNode.Parse(ours)), ours);
        Assert.DoesNotContain("my_token", resume.ToString());
    }

    [SharedFact]
    public void Ready_GivesSessionResumeUrlBotUserAndShard()
    {
        var payload = Payload("op0_ready.json");
        Assert.Equal(("READY", 1), (payload.T, payload.S!.Value));
        var ready = Data<ReadyData>(payload);

        Assert.Equal(10, ready.V);
        Assert.Equal("evenmorerandomstring", ready.SessionId);
        Assert.Equal("wss://gateway.discord.gg", ready.ResumeGatewayUrl);
        Assert.Equal(("80351110224678912", true), (ready.User?.Id, ready.User?.Bot));
        Assert.Equal([0, 1], ready.Shard!);
        var again = DiscordJson.Deserialize<ReadyData>(DiscordJson.Serialize(ready));
        Assert.Equal((ready.SessionId, ready.ResumeGatewayUrl, ready.User), (again.SessionId, again.ResumeGatewayUrl, again.User));
        Assert.Equal(new Uri("wss://gateway.discord.gg/?v=10&encoding=json"), DiscordGatewayClient.GatewayUri(ready.ResumeGatewayUrl));
    }

    [SharedFact]
    public void MessageCreate_ParsesTheFieldsPolicyBotUses()
    {
        var payload = Payload("op0_message_create.json");
        Assert.Equal(("MESSAGE_CREATE", 3), (payload.T, payload.S!.Value));
        var message = Data<DiscordMessage>(payload);

        Assert.Equal(("334385199974967042", "290926798999357250", "41771983423143937"), (message.Id, message.ChannelId, message.GuildId));
        Assert.Equal("Supa Hot", message.Content);
        Assert.Equal(("53908099506183680", "Mason"), (message.Author?.Id, message.Author?.Username));
        Assert.Empty(message.Mentions);
        Assert.NotNull(message.Member);
        Assert.Equal(0, message.Type);
        var again = DiscordJson.Deserialize<DiscordMessage>(DiscordJson.Serialize(message));
        Assert.Equal((message.Id, message.ChannelId, message.GuildId, message.Content, message.Author),
            (again.Id, again.ChannelId, again.GuildId, again.Content, again.Author));
    }

    [SharedFact]
    public void InteractionCreate_ParsesTheFieldsPolicyBotUses()
    {
        var payload = Payload("op0_interaction_create.json");
        Assert.Equal(("INTERACTION_CREATE", 4), (payload.T, payload.S!.Value));
        // The docs example behind this COMPOSED fixture omits application_id, which Discord always sends and our
        // Interaction model requires; add it the way the live gateway delivers it.
        var data = JsonNode.Parse(payload.D!.Value.GetRawText())!.AsObject();
        Assert.Throws<JsonException>(() => DiscordJson.Deserialize<Interaction>(data.ToJsonString()));
        data["application_id"] = "775799577604522054";
        var interaction = DiscordJson.Deserialize<Interaction>(data.ToJsonString());

        Assert.Equal(("786008729715212338", InteractionType.ApplicationCommand), (interaction.Id, interaction.Type));
        Assert.Equal(("290926798626357999", "645027906669510667"), (interaction.GuildId, interaction.ChannelId));
        Assert.Equal("A_UNIQUE_TOKEN", interaction.Token);
        Assert.Equal("53908232506183680", interaction.InvokingUser?.Id);
        Assert.Equal("cardsearch", interaction.Data?.Name);
        Assert.Equal("The Gitrog Monster", interaction.Data?.Option("cardname"));
        var again = DiscordJson.Deserialize<Interaction>(DiscordJson.Serialize(interaction));
        Assert.Equal((interaction.Id, interaction.Token, interaction.Data?.Option("cardname"), interaction.InvokingUser),
            (again.Id, again.Token, again.Data?.Option("cardname"), again.InvokingUser));
    }

    [SharedFact]
    public void GetGatewayBot_UrlBuildsTheV10JsonUrl()
    {
        var url = JsonNode.Parse(File.ReadAllText(GatewayFixtures.Path("get_gateway_bot_response.json")))!["url"]!.GetValue<string>();
        Assert.Equal(new Uri("wss://gateway.discord.gg/?v=10&encoding=json"), DiscordGatewayClient.GatewayUri(url));
    }
}
