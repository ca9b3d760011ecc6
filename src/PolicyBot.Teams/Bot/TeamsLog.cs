using Microsoft.Extensions.Logging;

namespace PolicyBot.Teams.Bot;

/// <summary>Teams bot log messages (event ids 700-749). No message text above Debug.</summary>
internal static partial class TeamsLog
{
    [LoggerMessage(701, LogLevel.Warning, "Rejected a /api/messages request: not authenticated")]
    public static partial void Unauthenticated(this ILogger logger);

    [LoggerMessage(702, LogLevel.Information, "Bad /api/messages request: {Reason}")]
    public static partial void BadRequest(this ILogger logger, string reason);

    [LoggerMessage(703, LogLevel.Error, "Background Teams work failed")]
    public static partial void BackgroundWorkFailed(this ILogger logger, Exception exception);

    [LoggerMessage(704, LogLevel.Information, "Added to conversation {ConversationType}; reference stored")]
    public static partial void Added(this ILogger logger, string? conversationType);

    [LoggerMessage(705, LogLevel.Information, "Removed from a conversation; reference forgotten")]
    public static partial void Removed(this ILogger logger);

    [LoggerMessage(706, LogLevel.Information, "Feedback received: helpful {Helpful}")]
    public static partial void FeedbackReceived(this ILogger logger, bool helpful);

    [LoggerMessage(707, LogLevel.Debug, "Ignored activity type {Type}")]
    public static partial void Ignored(this ILogger logger, string type);
}
