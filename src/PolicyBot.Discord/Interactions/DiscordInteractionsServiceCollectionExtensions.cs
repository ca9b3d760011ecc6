using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyBot.Discord;
using PolicyBot.Discord.Interactions;

namespace Microsoft.Extensions.DependencyInjection;

public static class DiscordInteractionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the signature verifier (singleton; <c>Discord:PublicKey</c> is checked at startup when set), the
    /// <see cref="InteractionDispatcher"/>, the <see cref="GatewayInteractionDispatcher"/> and the endpoint behind
    /// <c>MapDiscordInteractions()</c>. The caller registers <see cref="IInteractionHandler"/>, <see cref="IInteractionFollowUp"/>
    /// and, for gateway interactions, <see cref="IInteractionCallback"/>.
    /// <see cref="DiscordOptions"/> is bound to the <c>Discord</c> section unless something has configured it already.
    /// </summary>
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services)
    {
        // Binding twice would append list items (Channels) twice, so bind only when no one else has.
        if (!services.Any(d => d.ServiceType == typeof(IConfigureOptions<DiscordOptions>)))
            services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section);
        services.AddOptions<DiscordOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordPublicKeyValidator>());

        services.AddOptions<DiscordInteractionOptions>().BindConfiguration(DiscordInteractionOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordInteractionOptions>, DiscordInteractionOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            return new InteractionSignatureVerifier(options.PublicKey, sp.GetRequiredService<TimeProvider>(), options.MaxTimestampSkewSeconds);
        });
        services.TryAddSingleton<InteractionDispatcher>();
        services.TryAddSingleton<GatewayInteractionDispatcher>();
        services.TryAddSingleton<InteractionEndpoint>();
        return services;
    }
}
