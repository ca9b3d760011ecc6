using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Discord.Gateway;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Tests.Gateway.Fakes;

namespace PolicyBot.Discord.Tests.Gateway;

public sealed class DiscordGatewayClientFatalTests
{
    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4010, "Discord:ShardId")]
    [InlineData(4011, "Discord:ShardCount")]
    [InlineData(4012, "v10")]
    [InlineData(4013, "intents")]
    [InlineData(4014, "MESSAGE CONTENT")]
    public async Task RunAsync_FatalCloseCode_StopsWithoutReconnecting(int code, string hint)
    {
        await using var gateway = await FakeGateway.StartAsync();
        await using var run = GatewayClientRun.Start(gateway);
        var connection = await gateway.NextConnectionAsync();
        await connection.WaitForOpAsync(GatewayOpcode.Identify);

        await connection.CloseAsync(code, "rejected");

        var fatal = Assert.IsType<DiscordGatewayFatalException>(await run.EndedAsync());
        Assert.Equal(code, fatal.CloseCode);
        Assert.Contains(hint, fatal.Message);
        Assert.Contains($"({code}", fatal.Message);
        Assert.Equal(1, gateway.ConnectionCount);
        Assert.Contains(run.Logger.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains(hint));
    }

    [Fact]
    public async Task RunAsync_DisallowedIntents_NamesTheDeveloperPortalSetting()
    {
        await using var gateway = await FakeGateway.StartAsync();
        await using var run = GatewayClientRun.Start(gateway);
        var connection = await gateway.NextConnectionAsync();
        await connection.WaitForOpAsync(GatewayOpcode.Identify);

        await connection.CloseAsync(4014, "Disallowed intent(s).");

        var fatal = Assert.IsType<DiscordGatewayFatalException>(await run.EndedAsync());
        Assert.Contains("MESSAGE CONTENT", fatal.Message);
        Assert.Contains("Developer Portal", fatal.Message);
        Assert.Equal(1, gateway.ConnectionCount);
    }

    [Fact]
    public async Task RunAsync_NoToken_ThrowsFatalNamingTheSetting()
    {
        var client = new DiscordGatewayClient(Options.Create(new DiscordOptions { Token = " " }), new RecordingHandler(),
            new RecordingLogger<DiscordGatewayClient>());

        var fatal = await Assert.ThrowsAsync<DiscordGatewayFatalException>(() => client.RunAsync(CancellationToken.None));

        Assert.Null(fatal.CloseCode);
        Assert.Contains("Discord:Token", fatal.Message);
    }

    [Fact]
    public async Task RunAsync_HttpGatewayUrl_ThrowsFatalNamingTheSetting()
    {
        var options = new DiscordOptions { Token = "t", GatewayUrl = "https://gateway.discord.gg" };
        var client = new DiscordGatewayClient(Options.Create(options), new RecordingHandler(), new RecordingLogger<DiscordGatewayClient>());

        var fatal = await Assert.ThrowsAsync<DiscordGatewayFatalException>(() => client.RunAsync(CancellationToken.None));

        Assert.Contains("Discord:GatewayUrl", fatal.Message);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ClosesNormallyAndEndsCancelled()
    {
        await using var gateway = await FakeGateway.StartAsync();
        using var cts = new CancellationTokenSource();
        var client = new DiscordGatewayClient(Options.Create(new DiscordOptions { Token = "t", GatewayUrl = gateway.Url.ToString() }),
            new RecordingHandler(), new RecordingLogger<DiscordGatewayClient>(), GatewayClientRun.FastSettings);
        var task = client.RunAsync(cts.Token);
        var connection = await gateway.NextConnectionAsync();
        await connection.WaitForOpAsync(GatewayOpcode.Identify);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task.WaitAsync(FakeGateway.Timeout));
        Assert.Equal(1000, await connection.Closed.WaitAsync(FakeGateway.Timeout));
        Assert.False(client.IsConnected);
        Assert.Equal(1, gateway.ConnectionCount);
    }
}
