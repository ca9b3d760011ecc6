using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Teams;
using PolicyBot.Teams.Connector;

namespace Microsoft.Extensions.DependencyInjection;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the outbound Bot Connector client: the named HttpClients <c>policybot-teams-connector</c> and
    /// <c>policybot-teams-token</c>, <see cref="IConnectorTokenProvider"/>, <see cref="ConversationRateLimiter"/> and
    /// <see cref="IConnectorClient"/> as singletons. Binding and validating <see cref="TeamsOptions"/> is the caller's job.
    /// The client retries 429/5xx itself, so do not add a retrying resilience handler to these two clients.
    /// </summary>
    public static IServiceCollection AddTeamsConnector(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<TeamsOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(ConnectorTokenProvider.HttpClientName);
        services.AddHttpClient(ConnectorClient.HttpClientName);

        services.TryAddSingleton<IConnectorTokenProvider, ConnectorTokenProvider>();
        services.TryAddSingleton(sp => new ConversationRateLimiter(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IConnectorDelay, TimeProviderDelay>();
        services.TryAddSingleton(ConnectorRetryPolicy.Default);
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();
        return services;
    }
}
