using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Conversations;
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
        return services;
    }

    /// <summary>The platform-neutral chat layer the front-ends share, and where feedback is kept.</summary>
    public static IServiceCollection AddPolicyBotConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateOptions>().Bind(configuration.GetSection(StateOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IFeedbackStore>(sp => new SqliteFeedbackStore(sp.GetRequiredService<IOptions<StateOptions>>().Value.Path));
        services.TryAddSingleton<IConversationHistory>(_ => new InMemoryConversationHistory());
        services.TryAddSingleton<ReplyJournal>();
        services.TryAddSingleton<ConversationService>();
        return services;
    }
}
