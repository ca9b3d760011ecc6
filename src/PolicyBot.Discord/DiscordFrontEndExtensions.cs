using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Briefings;
using PolicyBot.Discord;
using PolicyBot.Discord.Briefings;
using PolicyBot.Discord.Commands;
using PolicyBot.Discord.Gateway;
using PolicyBot.Discord.Interactions;
using PolicyBot.Discord.Rest;

namespace Microsoft.Extensions.DependencyInjection;

public static class DiscordFrontEndExtensions
{
    /// <summary>
    /// The Discord front-end: REST client with rate limits, the gateway (started only when Discord:Token is set), the
    /// interactions endpoint (mapped only when Discord:PublicKey is set), and the handlers that connect them to the conversation layer.
    /// </summary>
    public static IServiceCollection AddDiscordFrontEnd(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiscordRateLimiter>();
        // Default HttpClient logging would print webhook URLs, which contain interaction tokens.
        services.AddHttpClient<DiscordRestClient>().RemoveAllLoggers();

        services.AddDiscordInteractions();
        services.TryAddSingleton<IInteractionHandler, DiscordInteractionHandler>();
        services.TryAddSingleton<RestInteractionResponder>();
        services.TryAddSingleton<IInteractionFollowUp>(sp => sp.GetRequiredService<RestInteractionResponder>());
        services.TryAddSingleton<IInteractionCallback>(sp => sp.GetRequiredService<RestInteractionResponder>());

        services.TryAddSingleton<DiscordMessageRouter>();
        services.TryAddSingleton<IGatewayEventHandler, DiscordGatewayEvents>();
        services.AddDiscordGateway();
        // The REST client is a transient typed HttpClient, so the sink that uses it is transient too.
        services.AddTransient<IBriefingSink, DiscordBriefingSink>();
        return services;
    }

    public static IEndpointRouteBuilder MapDiscordFrontEnd(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDiscordInteractions();
        return endpoints;
    }
}
