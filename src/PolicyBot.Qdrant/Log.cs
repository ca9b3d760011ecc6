using Microsoft.Extensions.Logging;

namespace PolicyBot.Qdrant;

// Event ids 800-849: Qdrant index. No query or passage text above Debug.
internal static partial class Log
{
    [LoggerMessage(800, LogLevel.Information, "Created Qdrant collection {Collection} for model {ModelId} ({Dimensions} dimensions)")]
    public static partial void CollectionCreated(this ILogger logger, string collection, string modelId, int dimensions);

    [LoggerMessage(801, LogLevel.Information, "Opened Qdrant collection {Collection} at {Endpoint}")]
    public static partial void CollectionOpened(this ILogger logger, string collection, string endpoint);

    [LoggerMessage(802, LogLevel.Error, "Qdrant collection {Collection} does not match this PolicyBot: {Reason}")]
    public static partial void CollectionMismatch(this ILogger logger, string collection, string reason);

    [LoggerMessage(803, LogLevel.Debug, "Upserted {DocumentId} with {PassageCount} passages (generation {Generation}) in {ElapsedMs} ms")]
    public static partial void DocumentUpserted(this ILogger logger, string documentId, int passageCount, long generation, long elapsedMs);

    [LoggerMessage(804, LogLevel.Warning, "Upsert of {DocumentId} failed; the previous version is kept")]
    public static partial void UpsertFailed(this ILogger logger, Exception exception, string documentId);

    [LoggerMessage(805, LogLevel.Debug, "Deleted {DocumentId}")]
    public static partial void DocumentDeleted(this ILogger logger, string documentId);

    [LoggerMessage(806, LogLevel.Debug, "{Search} search returned {HitCount} hits ({DroppedCount} of other generations dropped) in {ElapsedMs:0.0} ms")]
    public static partial void Searched(this ILogger logger, string search, int hitCount, int droppedCount, double elapsedMs);

    [LoggerMessage(807, LogLevel.Information, "Migrated {DocumentCount} documents ({PassageCount} passages) from the embedded index; {SkippedCount} unchanged, {PrunedCount} pruned")]
    public static partial void Migrated(this ILogger logger, int documentCount, int passageCount, int skippedCount, int prunedCount);
}
