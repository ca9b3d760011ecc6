using Microsoft.Extensions.Logging;

namespace PolicyBot.Core;

/// <summary>Core log messages. Event ids: 100s ingestion, 200s retrieval and answering. No question or answer text above Debug.</summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Information, "Ingested {DocumentId}: {PassageCount} passages")]
    public static partial void DocumentIngested(this ILogger logger, string documentId, int passageCount);

    [LoggerMessage(102, LogLevel.Debug, "Unchanged, skipped {DocumentId}")]
    public static partial void DocumentUnchanged(this ILogger logger, string documentId);

    [LoggerMessage(103, LogLevel.Information, "Removed {DocumentId}: its file is gone")]
    public static partial void DocumentRemoved(this ILogger logger, string documentId);

    [LoggerMessage(104, LogLevel.Warning, "Skipped {Path}: {Reason}")]
    public static partial void DocumentSkipped(this ILogger logger, string path, string reason);

    [LoggerMessage(105, LogLevel.Information, "Ingestion finished: {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Failed} failed, {PassageCount} passages in {Seconds:F1} s")]
    public static partial void IngestionFinished(this ILogger logger, int added, int updated, int unchanged, int removed, int failed, int passageCount, double seconds);

    [LoggerMessage(110, LogLevel.Information, "Scheduled ingestion every {Interval}, watching the data folder: {Watch}")]
    public static partial void IngestionWorkerStarted(this ILogger logger, TimeSpan? interval, bool watch);

    [LoggerMessage(111, LogLevel.Error, "Ingestion run of {Source} failed; the next run tries again")]
    public static partial void IngestionRunFailed(this ILogger logger, string source, Exception exception);

    [LoggerMessage(112, LogLevel.Debug, "Files changed under {Path}; re-ingesting after a quiet period")]
    public static partial void DataFolderChanged(this ILogger logger, string path);

    [LoggerMessage(113, LogLevel.Warning, "{ChangeCount} document changes were indexed but not recorded in the ingestion history: {Reason}")]
    public static partial void IngestionHistoryNotRecorded(this ILogger logger, int changeCount, string reason);

    [LoggerMessage(201, LogLevel.Debug, "Retrieved {PassageCount} passages (top dense {TopDense:F3}, term coverage {Coverage:F2}, answerable {Answerable})")]
    public static partial void Retrieved(this ILogger logger, int passageCount, double topDense, double coverage, bool answerable);

    [LoggerMessage(202, LogLevel.Debug, "Answered with {CitationCount} citations in {Milliseconds:F1} ms")]
    public static partial void Answered(this ILogger logger, int citationCount, double milliseconds);

    [LoggerMessage(302, LogLevel.Warning, "A {Command} chat turn could not reach the state store: {Reason}")]
    public static partial void StateUnavailable(this ILogger logger, string command, string reason);

    [LoggerMessage(305, LogLevel.Warning, "A {Command} chat turn could not reach the passage index: {Reason}")]
    public static partial void IndexUnavailable(this ILogger logger, string command, string reason);

    [LoggerMessage(301, LogLevel.Error, "Handling a {Command} chat turn failed")]
    public static partial void ChatTurnFailed(this ILogger logger, string command, Exception exception);

    [LoggerMessage(303, LogLevel.Information, "A {Platform} question was over the rate limit; retry in {Seconds:F0} s")]
    public static partial void RateLimited(this ILogger logger, string platform, double seconds);

    [LoggerMessage(304, LogLevel.Warning, "A {Platform} question was answered but could not be added to the question log")]
    public static partial void QuestionLogFailed(this ILogger logger, string platform, Exception exception);
}
