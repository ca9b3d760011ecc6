using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Discord.Gateway;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Tests.Gateway.Fakes;

namespace PolicyBot.Discord.Tests.Gateway;

public sealed class DiscordGatewayHostedServiceTests
{
    [Fact]
    public async Task ExecuteAsync_NoToken_EndsQuietlyWithoutConnecting()
    {
        var logger = new RecordingLogger<DiscordGatewayHostedService>();
        var options = Options.Create(new DiscordOptions { GatewayUrl = "ws://127.0.0.1:9" });
        using var service = new DiscordGatewayHostedService(
            new DiscordGatewayClient(options, new RecordingHandler(), NullLogger<DiscordGatewayClient>.Instance), options, logger);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(FakeGateway.Timeout);

        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        Assert.Contains(logger.Entries, e => e.EventId == 480);
    }

    [Fact]
    public async Task ExecuteAsync_FatalClose_StopsTheServiceWithoutFaultingIt()
    {
        await using var gateway = await FakeGateway.StartAsync();
        var logger = new RecordingLogger<DiscordGatewayHostedService>();
        var options = Options.Create(new DiscordOptions { Token = "t", GatewayUrl = gateway.Url.ToString() });
        var client = new DiscordGatewayClient(options, new RecordingHandler(), NullLogger<DiscordGatewayClient>.Instance, GatewayClientRun.FastSettings);
        using var service = new DiscordGatewayHostedService(client, options, logger);

        await service.StartAsync(CancellationToken.None);
        var connection = await gateway.NextConnectionAsync();
        await connection.WaitForOpAsync(GatewayOpcode.Identify);
        await connection.CloseAsync(4004, "Authentication failed.");
        await service.ExecuteTask!.WaitAsync(FakeGateway.Timeout);

        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        Assert.Contains(logger.Entries, e => e.EventId == 481 && e.Level == LogLevel.Warning);
        Assert.Equal(1, gateway.ConnectionCount);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StopAsync_WhileConnected_EndsTheClient()
    {
        await using var gateway = await FakeGateway.StartAsync();
        var options = Options.Create(new DiscordOptions { Token = "t", GatewayUrl = gateway.Url.ToString() });
        var client = new DiscordGatewayClient(options, new RecordingHandler(), NullLogger<DiscordGatewayClient>.Instance, GatewayClientRun.FastSettings);
        using var service = new DiscordGatewayHostedService(client, options, NullLogger<DiscordGatewayHostedService>.Instance);
        await service.StartAsync(CancellationToken.None);
        var connection = await gateway.NextConnectionAsync();
        await connection.WaitForOpAsync(GatewayOpcode.Identify);

        await service.StopAsync(CancellationToken.None).WaitAsync(FakeGateway.Timeout);

        Assert.True(service.ExecuteTask!.IsCompleted);
        Assert.Equal(1000, await connection.Closed.WaitAsync(FakeGateway.Timeout));
    }

    [Fact]
    public void AddDiscordGateway_ResolvesTheClientAndTheHostedService()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<DiscordOptions>();
        services.AddSingleton<IGatewayEventHandler, RecordingHandler>();

        services.AddDiscordGateway();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Contains(provider.GetServices<IHostedService>(), s => s is DiscordGatewayHostedService);
        Assert.Same(provider.GetRequiredService<DiscordGatewayClient>(), provider.GetRequiredService<DiscordGatewayClient>());
    }
}
