using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Ai.Embeddings;
using PolicyBot.Core.Ingestion;

namespace Microsoft.Extensions.DependencyInjection;

public static class EmbeddingsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="EmbeddingOptions"/> from <c>PolicyBot:Ai:Embeddings</c> (validated at start-up) and registers the
    /// configured <see cref="IEmbedder"/> as a singleton: local MiniLM by default, or the OpenAI-compatible HTTP embedder.
    /// </summary>
    public static IServiceCollection AddPolicyBotEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<EmbeddingOptions>()
            .Bind(configuration.GetSection(EmbeddingOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddingOptions>, EmbeddingProviderValidator>());
        services.AddHttpClient(OpenAiCompatibleEmbedder.HttpClientName);

        services.TryAddSingleton<IEmbedder>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EmbeddingOptions>>();
            var loggers = provider.GetService<ILoggerFactory>();
            return options.Value.Provider switch
            {
                EmbeddingProvider.OpenAI => new OpenAiCompatibleEmbedder(
                    provider.GetRequiredService<IHttpClientFactory>(), options, loggers?.CreateLogger<OpenAiCompatibleEmbedder>()),
                _ => new MiniLmEmbedder(options.Value.BatchSize, loggers?.CreateLogger<MiniLmEmbedder>()),
            };
        });
        return services;
    }
}
