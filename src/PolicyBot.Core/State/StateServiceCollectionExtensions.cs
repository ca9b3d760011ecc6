using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Core.State;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Call one of these: the stores of one provider serve subscriptions, the delivery log and the ingestion history.</summary>
public static class StateServiceCollectionExtensions
{
    /// <summary>The default: one SQLite file, e.g. <c>sp =&gt; sp.GetRequiredService&lt;IOptions&lt;StateOptions&gt;&gt;().Value.Path</c>.</summary>
    public static IServiceCollection AddPolicyBotSqliteState(this IServiceCollection services, Func<IServiceProvider, string> path)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SqliteStateDatabase(path(sp)));
        services.TryAddSingleton<ISubscriptionStore, SqliteSubscriptionStore>();
        services.TryAddSingleton<IDeliveryLog, SqliteDeliveryLog>();
        services.TryAddSingleton<IIngestionHistory, SqliteIngestionHistory>();
        return services;
    }

    /// <summary>Nothing survives a restart: for tests and throw-away runs.</summary>
    public static IServiceCollection AddPolicyBotInMemoryState(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISubscriptionStore, InMemorySubscriptionStore>();
        services.TryAddSingleton<IDeliveryLog, InMemoryDeliveryLog>();
        services.TryAddSingleton<IIngestionHistory, InMemoryIngestionHistory>();
        return services;
    }
}
