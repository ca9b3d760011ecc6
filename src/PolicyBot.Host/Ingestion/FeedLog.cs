namespace PolicyBot.Host.Ingestion;

/// <summary>Feed ingestion log messages (ingestion block, 120s).</summary>
internal static partial class FeedLog
{
    [LoggerMessage(120, LogLevel.Debug, "Feed {FeedUrl} not modified")]
    public static partial void FeedNotModified(this ILogger logger, Uri feedUrl);

    [LoggerMessage(121, LogLevel.Information, "Feed {FeedUrl}: {EntryCount} entries, {PageCount} pages fetched, {Added} added, {Updated} updated")]
    public static partial void FeedIngested(this ILogger logger, Uri feedUrl, int entryCount, int pageCount, int added, int updated);

    [LoggerMessage(122, LogLevel.Warning, "Feed {FeedUrl} could not be read")]
    public static partial void FeedFailed(this ILogger logger, Uri feedUrl, Exception exception);

    [LoggerMessage(123, LogLevel.Warning, "Page {PageUrl} could not be ingested")]
    public static partial void PageFailed(this ILogger logger, Uri pageUrl, Exception exception);

    [LoggerMessage(124, LogLevel.Warning, "Feed URL '{FeedUrl}' is not an absolute http(s) URL; skipped")]
    public static partial void FeedUrlInvalid(this ILogger logger, string feedUrl);
}
