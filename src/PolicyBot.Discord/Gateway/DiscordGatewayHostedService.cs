using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicyBot.Discord.Gateway;

/// <summary>
/// Runs <see cref="DiscordGatewayClient"/> while the host runs, only when Discord:Token is set. A fatal close or a crash
/// is logged and ends this service only; the host (and the Teams and HTTP front ends) keep running.
/// </summary>
public sealed class DiscordGatewayHostedService(
    DiscordGatewayClient client,
    IOptions<DiscordOptions> options,
    ILogger<DiscordGatewayHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.GatewayEnabled)
        {
            logger.GatewayDisabled();
            return;
        }
        try
        {
            await client.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
        catch (DiscordGatewayFatalException ex)
        {
            logger.GatewayStoppedFatal(ex.CloseCode);
        }
        catch (Exception ex)
        {
            logger.GatewayCrashed(ex);
        }
    }
}
