using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Commands;
using PolicyBot.Core.Briefings.Composition;
using PolicyBot.Core.Briefings.Scheduling;
using PolicyBot.Core.Measures;
using PolicyBot.Core.Conversations;
using PolicyBot.Core.Conversations.RateLimiting;
using PolicyBot.Core.Feedback;
using PolicyBot.Core.Embedded;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Retrieval;
using PolicyBot.Host.Composition;

namespace Microsoft.Extensions.DependencyInjection;

public static class PolicyBotServiceCollectionExtensions
{
    /// <summary>Everything the CLI and the server share: options, the index, embeddings, retrieval, answering, ingestion.</summary>
    public static IServiceCollection AddPolicyBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>());
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection(RetrievalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IndexOptions>().Bind(configuration.GetSection(IndexOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmbeddedIndexOptions>().Bind(configuration.GetSection(EmbeddedIndexOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<SqlitePassageIndex>();
        services.AddSingleton<IPassageIndex>(sp => sp.GetRequiredService<SqlitePassageIndex>());
        // Qdrant replaces the embedded index as IPassageIndex; SqlitePassageIndex stays registered for `index migrate`.
        if (configuration.GetSection(IndexOptions.Section).Get<IndexOptions>()?.UsesQdrant == true) services.AddQdrantIndex(configuration);
        services.AddPolicyBotEmbeddings(configuration);
        services.AddPolicyBotAnswering(configuration);

        services.AddSingleton(_ => DocumentReaderRegistry.CreateDefault());
        services.AddSingleton<IngestionPipeline>();
        services.AddSingleton<HybridRetriever>();
        services.AddSingleton<CoverageDescriber>();
        services.AddSingleton<AskService>();
        services.AddSingleton<IndexBootstrapper>();
        services.TryAddSingleton<MeasureRegister>();
        services.TryAddSingleton<MeasureReplies>();
        services.AddPolicyBotState(configuration);
        return services;
    }

    /// <summary>
    /// Everything that must survive restarts (subscriptions, delivery log, ingestion history, feedback, the question log, Teams conversation references,
    /// feed validators): SQLite by default, PostgreSQL for several instances.
    /// </summary>
    public static IServiceCollection AddPolicyBotState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateOptions>().Bind(configuration.GetSection(StateOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var state = configuration.GetSection(StateOptions.Section).Get<StateOptions>() ?? new StateOptions();
        if (state.Provider == StateProvider.Postgres)
            services.AddPolicyBotPostgresState(sp => sp.GetRequiredService<IOptions<StateOptions>>().Value.ConnectionString!);
        else
            services.AddPolicyBotSqliteState(sp => sp.GetRequiredService<IOptions<StateOptions>>().Value.Path);
        return services;
    }

    /// <summary>Scheduled briefings: composer, brief commands, the scheduler worker. Sinks come with each platform front-end.</summary>
    public static IServiceCollection AddPolicyBotBriefings(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IBriefingComposer, BriefingComposer>();
        services.TryAddSingleton<IScheduleParser, ScheduleTextParser>();
        services.TryAddSingleton<BriefingCommands>();
        services.AddPolicyBotBriefingScheduler().Bind(configuration.GetSection(BriefingSchedulerOptions.Section)).ValidateOnStart();
        return services;
    }

    /// <summary>The platform-neutral chat layer the front-ends share, with its question rate limits (feedback and the question log are kept with the state: AddPolicyBotState).</summary>
    public static IServiceCollection AddPolicyBotConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<QuestionRateLimiter>();
        services.TryAddSingleton<IConversationHistory>(_ => new InMemoryConversationHistory());
        services.TryAddSingleton<ReplyJournal>();
        services.TryAddSingleton<ConversationService>();
        return services;
    }
}
