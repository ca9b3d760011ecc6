using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Core.Feedback;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.State;
using PolicyBot.State.Postgres;

namespace Microsoft.Extensions.DependencyInjection;

public static class PostgresStateServiceCollectionExtensions
{
    /// <summary>
    /// All state in PostgreSQL — subscriptions, the delivery log, the ingestion history, feedback votes, the question log, proactive conversation
    /// addresses and feed fetch validators (<c>PolicyBot:State:Provider=postgres</c>), for
    /// several instances behind a load balancer; e.g. <c>sp =&gt; sp.GetRequiredService&lt;IOptions&lt;StateOptions&gt;&gt;().Value.ConnectionString!</c>.
    /// </summary>
    public static IServiceCollection AddPolicyBotPostgresState(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        services.TryAddSingleton(sp => new PostgresStateDatabase(connectionString(sp)));
        services.TryAddSingleton<ISubscriptionStore, PostgresSubscriptionStore>();
        services.TryAddSingleton<IDeliveryLog, PostgresDeliveryLog>();
        services.TryAddSingleton<IIngestionHistory, PostgresIngestionHistory>();
        services.TryAddSingleton<IFeedbackStore, PostgresFeedbackStore>();
        services.TryAddSingleton<IQuestionLog, PostgresQuestionLog>();
        services.TryAddSingleton<IConversationAddressStore, PostgresConversationAddressStore>();
        services.TryAddSingleton<IFetchValidatorStore, PostgresFetchValidatorStore>();
        return services;
    }
}
