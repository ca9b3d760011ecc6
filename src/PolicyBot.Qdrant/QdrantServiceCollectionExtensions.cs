using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Retrieval;
using PolicyBot.Qdrant;

namespace Microsoft.Extensions.DependencyInjection;

public static class QdrantServiceCollectionExtensions
{
    /// <summary>
    /// Makes Qdrant the <see cref="IPassageIndex"/>: binds and validates the <c>Qdrant</c> section at startup (naming the
    /// key), registers <see cref="QdrantPassageIndex"/> and a readiness check tagged <c>ready</c>. Omit it and the embedded
    /// index stays the default.
    /// </summary>
    public static IServiceCollection AddQdrantIndex(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<QdrantOptions>().Bind(configuration.GetSection(QdrantOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QdrantOptions>, QdrantOptionsValidator>());
        services.TryAddSingleton<QdrantPassageIndex>();
        services.Replace(ServiceDescriptor.Singleton<IPassageIndex>(sp => sp.GetRequiredService<QdrantPassageIndex>()));
        if (!services.Any(d => d.ServiceType == typeof(QdrantHealthCheck)))
        {
            services.AddSingleton<QdrantHealthCheck>();
            services.AddHealthChecks().AddCheck<QdrantHealthCheck>(QdrantHealthCheck.Name, tags: [QdrantHealthCheck.ReadyTag]);
        }
        return services;
    }
}
