using Microsoft.Extensions.Logging;

namespace PolicyBot.Ai;

/// <summary>AI adapter log messages (event ids 300-349). No prompt or answer text above Debug.</summary>
internal static partial class Log
{
    [LoggerMessage(301, LogLevel.Warning, "The language model {Reason}; answering extractively")]
    public static partial void LanguageModelFailed(this ILogger logger, string reason, Exception? exception);
}
