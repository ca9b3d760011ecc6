using Microsoft.Extensions.Logging;

namespace PolicyBot.Core.Embedded;

// Event ids 150-199: embedded SQLite index. No query or passage text above Debug.
internal static partial class Log
{
    [LoggerMessage(150, LogLevel.Information, "Created embedded index {Path} for model {ModelId} ({Dimensions} dimensions)")]
    public static partial void IndexCreated(this ILogger logger, string path, string modelId, int dimensions);

    [LoggerMessage(151, LogLevel.Information, "Opened embedded index {Path}: {DocumentCount} documents, {PassageCount} passages loaded in {ElapsedMs} ms")]
    public static partial void IndexOpened(this ILogger logger, string path, int documentCount, int passageCount, long elapsedMs);

    [LoggerMessage(152, LogLevel.Error, "Embedded index {Path} was built with model {StoredModelId} ({StoredDimensions} dimensions), not {ModelId} ({Dimensions} dimensions)")]
    public static partial void IndexModelMismatch(this ILogger logger, string path, string storedModelId, int storedDimensions, string modelId, int dimensions);

    [LoggerMessage(153, LogLevel.Debug, "Upserted {DocumentId} with {PassageCount} passages in {ElapsedMs} ms")]
    public static partial void DocumentUpserted(this ILogger logger, string documentId, int passageCount, long elapsedMs);

    [LoggerMessage(154, LogLevel.Warning, "Upsert of {DocumentId} rolled back; the previous version is kept")]
    public static partial void UpsertRolledBack(this ILogger logger, Exception exception, string documentId);

    [LoggerMessage(155, LogLevel.Debug, "Deleted {DocumentId}: {PassageCount} passages removed")]
    public static partial void DocumentDeleted(this ILogger logger, string documentId, int passageCount);

    [LoggerMessage(156, LogLevel.Debug, "Dense search scanned {PassageCount} passages, returned {HitCount} hits in {ElapsedMs} ms")]
    public static partial void DenseSearched(this ILogger logger, int passageCount, int hitCount, double elapsedMs);

    [LoggerMessage(157, LogLevel.Debug, "Dense search raced an upsert; rescanning (attempt {Attempt})")]
    public static partial void DenseSearchRescan(this ILogger logger, int attempt);

    [LoggerMessage(158, LogLevel.Debug, "Keyword search over {TermCount} terms returned {HitCount} hits in {ElapsedMs} ms")]
    public static partial void KeywordSearched(this ILogger logger, int termCount, int hitCount, double elapsedMs);

    [LoggerMessage(159, LogLevel.Warning, "Dense search skipped passages missing from {Path}: another process changed the file; initialize again to reload the vectors")]
    public static partial void DenseSearchStale(this ILogger logger, string path);

    [LoggerMessage(160, LogLevel.Error, "The index file {Path} is damaged: {Problem}")]
    public static partial void IndexCorrupt(this ILogger logger, string path, string problem);

    [LoggerMessage(161, LogLevel.Debug, "Keyword search left out {SkippedCount} of {TermCount} occurring terms as too common")]
    public static partial void KeywordCommonTermsSkipped(this ILogger logger, int skippedCount, int termCount);
}
