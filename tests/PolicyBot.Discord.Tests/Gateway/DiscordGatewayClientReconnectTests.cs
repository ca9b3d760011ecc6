using PolicyBot.Discord.Models;
using PolicyBot.Discord.Tests.Gateway.Fakes;

namespace PolicyBot.Discord.Tests.Gateway;

public sealed class DiscordGatewayClientReconnectTests
{
    [Fact]
    public async Task RunAsync_SocketDroppedAfterSequence5_ResumesAtResumeUrlWithSeq5()
    {
        await using var gateway = await FakeGateway.StartAsync();
        await using var run = GatewayClientRun.Start(gateway);
        var first = await StartSessionAsync(gateway, "session-a");
        for (var s = 2; s <= 5; s++) await first.SendDispatchAsync("TYPING_START", s, """{"channel_id":"1"}""");
        await SeenSequenceAsync(first, 5);

        first.Abort();

        var second = await gateway.NextConnectionAsync();
        var resume = (await second.WaitForOpAsync(GatewayOpcode.Resume)).D;
        Assert.Equal("/resume", second.Path);
        Assert.Equal("?v=10&encoding=json", second.Query);
        Assert.Equal(GatewayClientRun.Token, resume.GetProperty("token").GetString());
        Assert.Equal("session-a", resume.GetProperty("session_id").GetString());
        Assert.Equal(5, resume.GetProperty("seq").GetInt32());
        Assert.DoesNotContain(second.Frames, f => f.Op == GatewayOpcode.Identify);
    }

    [Fact]
    public async Task RunAsync_HeartbeatsNotAcked_ClosesWithNon1000CodeAndResumes()
    {
        await using var gateway = await FakeGateway.StartAsync();
        gateway.HeartbeatIntervalMs = 100;
        await using var run = GatewayClientRun.Start(gateway);
        var first = await StartSessionAsync(gateway, "session-a");
        await SeenSequenceAsync(first, 1);

        first.AckHeartbeats = false;

        var closeCode = await first.Closed.WaitAsync(FakeGateway.Timeout);
        Assert.NotNull(closeCode);
        Assert.NotEqual(1000, closeCode);
        Assert.NotEqual(1001, closeCode);
        var second = await gateway.NextConnectionAsync();
        var resume = (await second.WaitForOpAsync(GatewayOpcode.Resume)).D;
        Assert.Equal("session-a", resume.GetProperty("session_id").GetString());
        Assert.Equal(1, resume.GetProperty("seq").GetInt32());
    }

    [Fact]
    public async Task RunAsync_Reconnect_ClosesResumablyAndResumes()
    {
        await using var gateway = await FakeGateway.StartAsync();
        await using var run = GatewayClientRun.Start(gateway);
        var first = await StartSessionAsync(gateway, "session-a");
        await first.SendDispatchAsync("GUILD_CREATE", 2, """{"id":"1"}""");

        await first.SendOpAsync(GatewayOpcode.Reconnect);

        var closeCode = await first.Closed.WaitAsync(FakeGateway.Timeout);
        Assert.NotNull(closeCode);
        Assert.NotEqual(1000, closeCode);
        Assert.NotEqual(1001, closeCode);
        var second = await gateway.NextConnectionAsync();
        var resume = (await second.WaitForOpAsync(GatewayOpcode.Resume)).D;
        Assert.Equal("session-a", resume.GetProperty("session_id").GetString());
        Assert.Equal(2, resume.GetProperty("seq").GetInt32());
        Assert.Equal("/resume", second.Path);
    }

    [Fact]
    public async Task RunAsync_InvalidSessionNotResumable_IdentifiesANewSession()
    {
        await using var gateway = await FakeGateway.StartAsync();
        var handler = new RecordingHandler();
        await using var run = GatewayClientRun.Start(gateway, handler);
        var first = await StartSessionAsync(gateway, "session-a");
        await handler.Readies.NextAsync();

        await first.SendOpAsync(GatewayOpcode.InvalidSession, "false");

        var second = await gateway.NextConnectionAsync();
        var identify = (await second.WaitForOpAsync(GatewayOpcode.Identify)).D;
        Assert.Equal("/", second.Path);
        Assert.Equal(37377, identify.GetProperty("intents").GetInt32());
        Assert.DoesNotContain(second.Frames, f => f.Op == GatewayOpcode.Resume);
        await second.SendReadyAsync(1, "session-b", gateway.ResumeUrl);
        Assert.Equal("session-b", (await handler.Readies.NextAsync()).SessionId);
    }

    [Fact]
    public async Task RunAsync_InvalidSessionResumable_Resumes()
    {
        await using var gateway = await FakeGateway.StartAsync();
        await using var run = GatewayClientRun.Start(gateway);
        var first = await StartSessionAsync(gateway, "session-a");
        await first.SendDispatchAsync("GUILD_CREATE", 2, """{"id":"1"}""");
        await SeenSequenceAsync(first, 2);

        await first.SendOpAsync(GatewayOpcode.InvalidSession, "true");

        var second = await gateway.NextConnectionAsync();
        var resume = (await second.WaitForOpAsync(GatewayOpcode.Resume)).D;
        Assert.Equal("session-a", resume.GetProperty("session_id").GetString());
        Assert.Equal(2, resume.GetProperty("seq").GetInt32());
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task RunAsync_ClosedWithSessionEndingCode_IdentifiesANewSession(int code)
    {
        await using var gateway = await FakeGateway.StartAsync();
        await using var run = GatewayClientRun.Start(gateway);
        var first = await StartSessionAsync(gateway, "session-a");
        await SeenSequenceAsync(first, 1);

        await first.CloseAsync(code, "session over");

        var second = await gateway.NextConnectionAsync();
        await second.WaitForOpAsync(GatewayOpcode.Identify);
        Assert.DoesNotContain(second.Frames, f => f.Op == GatewayOpcode.Resume);
    }

    [Fact]
    public async Task RunAsync_ClosedWithOtherCode_ResumesAfterBackoff()
    {
        await using var gateway = await FakeGateway.StartAsync();
        await using var run = GatewayClientRun.Start(gateway);
        var first = await StartSessionAsync(gateway, "session-a");
        await SeenSequenceAsync(first, 1);

        await first.CloseAsync(4000, "Unknown error");

        var second = await gateway.NextConnectionAsync();
        await second.WaitForOpAsync(GatewayOpcode.Resume);
        Assert.Contains(run.Logger.Entries, e => e.EventId == 456 && e.Message.Contains("4000"));
    }

    /// <summary>Takes the first connection through IDENTIFY and READY (s = 1).</summary>
    internal static async Task<FakeGatewayConnection> StartSessionAsync(FakeGateway gateway, string sessionId)
    {
        var connection = await gateway.NextConnectionAsync();
        await connection.WaitForOpAsync(GatewayOpcode.Identify);
        await connection.SendReadyAsync(1, sessionId, gateway.ResumeUrl);
        return connection;
    }

    /// <summary>Asks for a heartbeat and waits for one carrying <paramref name="sequence"/>: proof the client has it.</summary>
    internal static async Task SeenSequenceAsync(FakeGatewayConnection connection, int sequence)
    {
        await connection.SendOpAsync(GatewayOpcode.Heartbeat);
        await connection.WaitForAsync(f => f.Op == GatewayOpcode.Heartbeat && f.D.ValueKind == System.Text.Json.JsonValueKind.Number
            && f.D.GetInt32() == sequence, $"heartbeat with d = {sequence}");
    }
}
