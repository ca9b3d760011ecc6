using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Discord;
using PolicyBot.Discord.Interactions;

namespace Microsoft.AspNetCore.Builder;

public static class DiscordInteractionsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps POST <paramref name="pattern"/> for Discord's HTTP interactions when <c>Discord:PublicKey</c> is set; otherwise
    /// maps nothing (requests get 404) and logs that the endpoint is off. Needs <c>AddDiscordInteractions()</c> plus
    /// registered <see cref="IInteractionHandler"/> and <see cref="IInteractionFollowUp"/>; a missing one fails here, at startup.
    /// </summary>
    public static IEndpointConventionBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints, string pattern = "/discord/interactions")
    {
        var services = endpoints.ServiceProvider;
        if (services.GetService<IServiceProviderIsService>()?.IsService(typeof(InteractionEndpoint)) != true)
            throw new InvalidOperationException("Call services.AddDiscordInteractions() before MapDiscordInteractions().");

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InteractionEndpoint));
        if (!services.GetRequiredService<IOptions<DiscordOptions>>().Value.InteractionsEnabled)
        {
            logger.EndpointDisabled(pattern);
            return endpoints.MapGroup(pattern);
        }

        // Resolving now validates the public key and finds missing handler/follow-up registrations before the first request.
        var endpoint = services.GetRequiredService<InteractionEndpoint>();
        logger.EndpointMapped(pattern);
        return endpoints.MapPost(pattern, (RequestDelegate)endpoint.HandleAsync).WithDisplayName("Discord interactions");
    }
}
