using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Core.Feedback;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.State;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Call one of these: the stores of one provider serve everything that must survive restarts — subscriptions, the delivery log,
/// the ingestion history, feedback votes, the question log, proactive conversation addresses and feed fetch validators.
/// </summary>
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
        services.TryAddSingleton<IFeedbackStore>(sp => new SqliteFeedbackStore(path(sp)));
        services.TryAddSingleton<IQuestionLog>(sp => new SqliteQuestionLog(path(sp)));
        services.TryAddSingleton<IConversationAddressStore>(sp => new SqliteConversationAddressStore(path(sp)));
        services.TryAddSingleton<IFetchValidatorStore>(sp => new SqliteFetchValidatorStore(path(sp)));
        return services;
    }

    /// <summary>Nothing survives a restart: for tests and throw-away runs.</summary>
    public static IServiceCollection AddPolicyBotInMemoryState(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISubscriptionStore, InMemorySubscriptionStore>();
        services.TryAddSingleton<IDeliveryLog, InMemoryDeliveryLog>();
        services.TryAddSingleton<IIngestionHistory, InMemoryIngestionHistory>();
        services.TryAddSingleton<IFeedbackStore, InMemoryFeedbackStore>();
        services.TryAddSingleton<IQuestionLog, InMemoryQuestionLog>();
        services.TryAddSingleton<IConversationAddressStore, InMemoryConversationAddressStore>();
        services.TryAddSingleton<IFetchValidatorStore, InMemoryFetchValidatorStore>();
        return services;
    }
}
