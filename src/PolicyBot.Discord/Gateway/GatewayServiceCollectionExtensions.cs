using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Discord.Gateway;

namespace Microsoft.Extensions.DependencyInjection;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DiscordGatewayClient"/> (singleton, for health checks too) and
    /// <see cref="DiscordGatewayHostedService"/>. The caller binds <c>DiscordOptions</c> and registers an
    /// <see cref="IGatewayEventHandler"/>; a <see cref="GatewayClientSettings"/> registration, if any, overrides the timings.
    /// </summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services)
    {
        services.TryAddSingleton<DiscordGatewayClient>();
        services.AddHostedService<DiscordGatewayHostedService>();
        return services;
    }
}
