using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Ingestion;
using PolicyBot.Host.Ingestion;

namespace Microsoft.Extensions.DependencyInjection;

public static class FeedServiceCollectionExtensions
{
    /// <summary>
    /// RSS/Atom feeds (PolicyBot:Ingestion:Feeds) as an ingestion source, for the server's scheduled runs and `policybot ingest`;
    /// requests are bounded by FeedTimeout and FeedMaxBytes, and their ETag/Last-Modified live with the state (AddPolicyBotState).
    /// </summary>
    public static IServiceCollection AddPolicyBotFeeds(this IServiceCollection services)
    {
        services.AddHttpClient(FeedIngester.HttpClientName).ConfigureHttpClient((sp, client) =>
        {
            var options = sp.GetRequiredService<IOptions<IngestionOptions>>().Value;
            client.Timeout = options.FeedTimeout;
            client.MaxResponseContentBufferSize = options.FeedMaxBytes;
        });
        services.TryAddSingleton<FeedIngester>();
        services.AddSingleton<IIngestionSource>(sp => sp.GetRequiredService<FeedIngester>());
        return services;
    }
}
