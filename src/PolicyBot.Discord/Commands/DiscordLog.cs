using Microsoft.Extensions.Logging;

namespace PolicyBot.Discord.Commands;

/// <summary>Discord front-end log messages (event ids 550-599). No message content above Debug.</summary>
internal static partial class DiscordLog
{
    [LoggerMessage(551, LogLevel.Debug, "Replied with {MessageCount} message(s)")]
    public static partial void Replied(this ILogger logger, int messageCount);

    [LoggerMessage(552, LogLevel.Information, "Could not start a thread (Discord code {Code}); replying in the channel")]
    public static partial void ThreadNotStarted(this ILogger logger, int code);

    [LoggerMessage(553, LogLevel.Error, "Handling a Discord event failed")]
    public static partial void EventFailed(this ILogger logger, Exception exception);

    [LoggerMessage(554, LogLevel.Information, "Feedback stored: helpful {Helpful}")]
    public static partial void FeedbackStored(this ILogger logger, bool helpful);
}
