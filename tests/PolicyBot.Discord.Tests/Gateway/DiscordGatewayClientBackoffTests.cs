using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using PolicyBot.Discord.Gateway;
using PolicyBot.Discord.Tests.Gateway.Fakes;

namespace PolicyBot.Discord.Tests.Gateway;

public sealed class DiscordGatewayClientBackoffTests
{
    [Fact]
    public async Task RunAsync_ConnectRefused_RetriesWithDoublingCappedDelays()
    {
        var logger = new RecordingLogger<DiscordGatewayClient>();
        var options = new DiscordOptions { Token = "t", GatewayUrl = $"ws://127.0.0.1:{UnusedPort()}" };
        var client = new DiscordGatewayClient(Options.Create(options), new RecordingHandler(), logger, GatewayClientRun.FastSettings);
        using var cts = new CancellationTokenSource();
        var run = client.RunAsync(cts.Token);

        var reconnects = await logger.WaitForAsync(e => e.EventId == 460, count: 6);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(FakeGateway.Timeout));

        // FastSettings: 20 ms doubling, capped at 200 ms.
        Assert.Equal([20L, 40L, 80L, 160L, 200L, 200L], reconnects.Take(6).Select(e => (long)e.Values["DelayMs"]!));
        Assert.Contains(logger.Entries, e => e.EventId == 461 && e.Exception is not null);
        Assert.False(client.IsConnected);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
