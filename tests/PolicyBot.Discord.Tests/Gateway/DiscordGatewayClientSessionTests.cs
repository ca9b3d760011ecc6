using System.Text.Json;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Tests.Gateway.Fakes;

namespace PolicyBot.Discord.Tests.Gateway;

public sealed class DiscordGatewayClientSessionTests
{
    [Fact]
    public async Task RunAsync_AfterHello_IdentifiesWithTokenIntentsPropertiesAndShard()
    {
        await using var gateway = await FakeGateway.StartAsync();
        await using var run = GatewayClientRun.Start(gateway);

        var connection = await gateway.NextConnectionAsync();
        var identify = (await connection.WaitForOpAsync(GatewayOpcode.Identify)).D;

        Assert.Equal("/", connection.Path);
        Assert.Equal("?v=10&encoding=json", connection.Query);
        Assert.Equal(GatewayClientRun.Token, identify.GetProperty("token").GetString());
        Assert.Equal(37377, identify.GetProperty("intents").GetInt32());
        var properties = identify.GetProperty("properties");
        Assert.False(string.IsNullOrEmpty(properties.GetProperty("os").GetString()));
        Assert.Equal("policybot", properties.GetProperty("browser").GetString());
        Assert.Equal("policybot", properties.GetProperty("device").GetString());
        Assert.Equal([0, 1], identify.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task RunAsync_Ready_StoresSessionResumeUrlAndBotUser()
    {
        await using var gateway = await FakeGateway.StartAsync();
        var handler = new RecordingHandler();
        await using var run = GatewayClientRun.Start(gateway, handler);
        var connection = await gateway.NextConnectionAsync();
        await connection.WaitForOpAsync(GatewayOpcode.Identify);

        await connection.SendReadyAsync(1, "session-a", gateway.ResumeUrl, botUserId: "4242");
        var ready = await handler.Readies.NextAsync();

        Assert.Equal("session-a", ready.SessionId);
        Assert.Equal("session-a", run.Client.SessionId);
        Assert.Equal(gateway.ResumeUrl, run.Client.ResumeGatewayUrl);
        Assert.Equal("4242", run.Client.BotUserId);
        Assert.Equal(1, run.Client.LastSequence);
        Assert.True(run.Client.IsConnected);
    }

    [Fact]
    public async Task RunAsync_Heartbeats_CarryNullThenTheLastSequence()
    {
        await using var gateway = await FakeGateway.StartAsync();
        gateway.HeartbeatIntervalMs = 150;
        await using var run = GatewayClientRun.Start(gateway);
        var connection = await gateway.NextConnectionAsync();

        // Jitter 0: the first beat goes out right after HELLO, before any dispatch.
        var first = await connection.WaitForOpAsync(GatewayOpcode.Heartbeat);
        Assert.Contains("\"d\":null", first.Json);
        await connection.WaitForOpAsync(GatewayOpcode.Identify);
        await connection.SendReadyAsync(1, "session-a", gateway.ResumeUrl);
        await connection.SendDispatchAsync("GUILD_CREATE", 2, """{"id":"1"}""");

        var beat = await connection.WaitForAsync(f => f.Op == GatewayOpcode.Heartbeat && f.D.ValueKind == JsonValueKind.Number, "beat with d");
        var next = await connection.WaitForOpAsync(GatewayOpcode.Heartbeat, after: beat.Index);
        Assert.Equal(2, next.D.GetInt32());
        Assert.Equal(2, run.Client.LastSequence);
    }

    [Fact]
    public async Task RunAsync_ServerSendsHeartbeat_AnswersImmediately()
    {
        await using var gateway = await FakeGateway.StartAsync(); // 60 s interval: no timed beat besides the first
        await using var run = GatewayClientRun.Start(gateway);
        var connection = await gateway.NextConnectionAsync();
        var first = await connection.WaitForOpAsync(GatewayOpcode.Heartbeat);
        await connection.WaitForOpAsync(GatewayOpcode.Identify);
        await connection.SendReadyAsync(7, "session-a", gateway.ResumeUrl);

        await connection.SendOpAsync(GatewayOpcode.Heartbeat);

        var answer = await connection.WaitForOpAsync(GatewayOpcode.Heartbeat, after: first.Index);
        Assert.Equal(7, answer.D.GetInt32());
    }

    [Fact]
    public async Task RunAsync_MessageCreate_ReachesHandlerParsed()
    {
        await using var gateway = await FakeGateway.StartAsync();
        var handler = new RecordingHandler();
        await using var run = GatewayClientRun.Start(gateway, handler);
        var connection = await gateway.NextConnectionAsync();
        await connection.WaitForOpAsync(GatewayOpcode.Identify);
        await connection.SendReadyAsync(1, "session-a", gateway.ResumeUrl);

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, """
            {"id":"1001","channel_id":"2002","guild_id":"3003","content":"What is the cycle-life limit?","type":0,
             "author":{"id":"4004","username":"ana"},"mentions":[{"id":"80351110224678912"}],"attachments":[],"tts":false}
            """);
        var message = await handler.Messages.NextAsync();

        Assert.Equal("1001", message.Id);
        Assert.Equal("2002", message.ChannelId);
        Assert.Equal("3003", message.GuildId);
        Assert.Equal("What is the cycle-life limit?", message.Content);
        Assert.Equal("4004", message.Author?.Id);
        Assert.Equal("80351110224678912", Assert.Single(message.Mentions).Id);
        Assert.Equal(2, run.Client.LastSequence);
    }

    [Fact]
    public async Task RunAsync_InteractionCreate_ReachesHandlerParsed()
    {
        await using var gateway = await FakeGateway.StartAsync();
        var handler = new RecordingHandler();
        await using var run = GatewayClientRun.Start(gateway, handler);
        var connection = await gateway.NextConnectionAsync();
        await connection.WaitForOpAsync(GatewayOpcode.Identify);
        await connection.SendReadyAsync(1, "session-a", gateway.ResumeUrl);

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, """
            {"id":"5005","application_id":"6006","type":2,"token":"interaction-token","version":1,"guild_id":"3003","channel_id":"2002",
             "member":{"user":{"id":"4004"},"permissions":"2147483647"},
             "data":{"id":"7007","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"Max charge rate?"}]}}
            """);
        var interaction = await handler.Interactions.NextAsync();

        Assert.Equal("5005", interaction.Id);
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal("ask", interaction.Data?.Name);
        Assert.Equal("Max charge rate?", interaction.Data?.Option("question"));
        Assert.Equal("4004", interaction.InvokingUser?.Id);
    }

    [Fact]
    public async Task RunAsync_NeverLogsTheToken()
    {
        await using var gateway = await FakeGateway.StartAsync();
        await using var run = GatewayClientRun.Start(gateway);
        var connection = await gateway.NextConnectionAsync();
        await connection.WaitForOpAsync(GatewayOpcode.Identify);
        await connection.SendReadyAsync(1, "session-a", gateway.ResumeUrl);
        await connection.CloseAsync(4000, "Unknown error");
        var second = await gateway.NextConnectionAsync();
        await second.WaitForOpAsync(GatewayOpcode.Resume);

        Assert.NotEmpty(run.Logger.Entries);
        Assert.DoesNotContain(run.Logger.Entries, e => e.Message.Contains(GatewayClientRun.Token, StringComparison.Ordinal));
    }
}
