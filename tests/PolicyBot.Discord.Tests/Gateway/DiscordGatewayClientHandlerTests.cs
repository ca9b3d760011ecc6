using PolicyBot.Discord.Models;
using PolicyBot.Discord.Tests.Gateway.Fakes;

namespace PolicyBot.Discord.Tests.Gateway;

public sealed class DiscordGatewayClientHandlerTests
{
    private const string Message = """{"id":"ID","channel_id":"2","content":"hi","author":{"id":"3"}}""";

    [Fact]
    public async Task RunAsync_HandlerThrows_LogsAndKeepsTheConnection()
    {
        await using var gateway = await FakeGateway.StartAsync();
        var handler = new RecordingHandler
        {
            BeforeMessage = (m, _) => m.Id == "boom" ? throw new InvalidOperationException("handler bug") : Task.CompletedTask,
        };
        // One worker: "boom" is handled (and logged) before "fine".
        await using var run = GatewayClientRun.Start(gateway, handler, GatewayClientRun.FastSettings with { HandlerConcurrency = 1 });
        var connection = await DiscordGatewayClientReconnectTests.StartSessionAsync(gateway, "session-a");

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, Message.Replace("ID", "boom"));
        await connection.SendDispatchAsync("MESSAGE_CREATE", 3, Message.Replace("ID", "fine"));

        Assert.Equal("fine", (await handler.Messages.NextAsync()).Id);
        Assert.Contains(run.Logger.Entries, e => e.EventId == 463 && e.Exception?.Message == "handler bug");
        Assert.Equal(1, gateway.ConnectionCount);
        Assert.True(run.Client.IsConnected);
    }

    [Fact]
    public async Task RunAsync_HandlerBlocked_HeartbeatsAndOtherEventsKeepFlowing()
    {
        await using var gateway = await FakeGateway.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new RecordingHandler { BeforeMessage = (m, ct) => m.Id == "slow" ? release.Task.WaitAsync(ct) : Task.CompletedTask };
        await using var run = GatewayClientRun.Start(gateway, handler);
        var connection = await DiscordGatewayClientReconnectTests.StartSessionAsync(gateway, "session-a");

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, Message.Replace("ID", "slow"));
        await connection.SendDispatchAsync("MESSAGE_CREATE", 3, Message.Replace("ID", "quick"));

        await DiscordGatewayClientReconnectTests.SeenSequenceAsync(connection, 3);
        Assert.Equal("quick", (await handler.Messages.NextAsync()).Id);
        release.SetResult();
        Assert.Equal("slow", (await handler.Messages.NextAsync()).Id);
    }

    [Fact]
    public async Task RunAsync_MalformedEvent_IsSkippedAndTheNextOneArrives()
    {
        await using var gateway = await FakeGateway.StartAsync();
        var handler = new RecordingHandler();
        await using var run = GatewayClientRun.Start(gateway, handler);
        var connection = await DiscordGatewayClientReconnectTests.StartSessionAsync(gateway, "session-a");

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, """{"content":"no id or channel"}""");
        await connection.SendAsync("this is not json");
        await connection.SendDispatchAsync("MESSAGE_CREATE", 3, Message.Replace("ID", "ok"));

        Assert.Equal("ok", (await handler.Messages.NextAsync()).Id);
        Assert.Equal(2, run.Logger.Entries.Count(e => e.EventId == 465));
        Assert.Equal(1, gateway.ConnectionCount);
    }
}
