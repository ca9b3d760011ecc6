using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Teams.Auth;

namespace Microsoft.Extensions.DependencyInjection;

public static class TeamsAuthServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BotFrameworkTokenValidator"/> (singleton) and its named HttpClient
    /// <see cref="BotFrameworkAuthDefaults.HttpClientName"/>. The caller binds <c>TeamsOptions</c> from the <c>Teams</c> section.
    /// </summary>
    public static IServiceCollection AddTeamsAuthentication(this IServiceCollection services)
    {
        services.AddHttpClient(BotFrameworkAuthDefaults.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(15);
            client.MaxResponseContentBufferSize = 1024 * 1024; // the real JWKS is a few KB
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BotFrameworkTokenValidator>();
        return services;
    }
}
