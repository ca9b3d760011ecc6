using Microsoft.Extensions.Logging;

namespace PolicyBot.Teams.Connector;

/// <summary>Event IDs 650-699: outbound Connector calls. Never log the client secret, a token, or message text.</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(650, LogLevel.Debug, "Acquired a Connector token from {TokenHost}, valid for {ExpiresInSeconds} s")]
    public static partial void ConnectorTokenAcquired(this ILogger logger, string tokenHost, int expiresInSeconds);

    [LoggerMessage(651, LogLevel.Warning, "Connector token request to {TokenHost} failed with {StatusCode}: {ErrorCode}")]
    public static partial void ConnectorTokenFailed(this ILogger logger, string tokenHost, int statusCode, string? errorCode);

    [LoggerMessage(652, LogLevel.Information, "Connector {Operation} was refused with 401; requesting a new token and retrying once")]
    public static partial void ConnectorTokenRejected(this ILogger logger, string operation);

    [LoggerMessage(653, LogLevel.Warning, "Connector {Operation} got {StatusCode}; retry {Retry} of {MaxRetries} in {DelayMilliseconds:F0} ms")]
    public static partial void ConnectorRetrying(this ILogger logger, string operation, int statusCode, int retry, int maxRetries, double delayMilliseconds);

    [LoggerMessage(654, LogLevel.Warning, "Connector {Operation} could not reach the service; retry {Retry} of {MaxRetries} in {DelayMilliseconds:F0} ms")]
    public static partial void ConnectorUnreachable(this ILogger logger, Exception exception, string operation, int retry, int maxRetries, double delayMilliseconds);

    [LoggerMessage(655, LogLevel.Warning, "Connector {Operation} failed with {StatusCode} {ErrorCode} after {Attempts} attempt(s)")]
    public static partial void ConnectorRequestFailed(this ILogger logger, string operation, int statusCode, string? errorCode, int attempts);

    [LoggerMessage(656, LogLevel.Debug, "Connector {Operation} paced for {DelayMilliseconds:F0} ms to stay under the per-conversation rate limit")]
    public static partial void ConversationPaced(this ILogger logger, string operation, double delayMilliseconds);

    [LoggerMessage(657, LogLevel.Debug, "Connector {Operation} succeeded with {StatusCode} after {Attempts} attempt(s)")]
    public static partial void ConnectorRequestSucceeded(this ILogger logger, string operation, int statusCode, int attempts);
}
