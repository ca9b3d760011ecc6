using Microsoft.Extensions.Logging;

namespace PolicyBot.Discord.Rest;

/// <summary>Event IDs 400-449: Discord REST. Routes are templates ("POST /channels/{channel_id}/messages"): no ids, tokens or content.</summary>
internal static partial class RestLog
{
    [LoggerMessage(400, LogLevel.Debug, "Waiting {Seconds:F3} s for the rate-limit bucket of {Route} to reset")]
    public static partial void BucketWait(this ILogger logger, string route, double seconds);

    [LoggerMessage(401, LogLevel.Warning, "Discord rate limited {Route} (scope {Scope}); retrying in {Seconds:F3} s, retry {Retry} of {MaxRetries}")]
    public static partial void RateLimited(this ILogger logger, string route, string scope, double seconds, int retry, int maxRetries);

    [LoggerMessage(402, LogLevel.Warning, "Discord global rate limit hit on {Route}; pausing bot requests for {Seconds:F3} s")]
    public static partial void GlobalPauseStarted(this ILogger logger, string route, double seconds);

    [LoggerMessage(403, LogLevel.Debug, "Waiting {Seconds:F3} s for the global rate-limit pause before {Route}")]
    public static partial void GlobalPauseWait(this ILogger logger, string route, double seconds);

    [LoggerMessage(404, LogLevel.Debug, "Waiting {Seconds:F3} s for the {Limit} requests/s global limit before {Route}")]
    public static partial void GlobalWindowWait(this ILogger logger, string route, double seconds, int limit);

    [LoggerMessage(405, LogLevel.Debug, "Route {Route} uses rate-limit bucket {Bucket}")]
    public static partial void BucketLearned(this ILogger logger, string route, string bucket);

    [LoggerMessage(406, LogLevel.Error, "Discord rejected the bot token (401) on {Route}; later bot requests fail without being sent")]
    public static partial void TokenRejected(this ILogger logger, string route);

    [LoggerMessage(407, LogLevel.Error, "{Route} is still rate limited after {MaxRetries} retries (scope {Scope}); giving up")]
    public static partial void RetriesExhausted(this ILogger logger, string route, int maxRetries, string scope);

    [LoggerMessage(408, LogLevel.Warning, "Discord answered {Route} with {StatusCode}, error code {ErrorCode}: {ErrorMessage}")]
    public static partial void ApiError(this ILogger logger, string route, int statusCode, int? errorCode, string? errorMessage);
}
