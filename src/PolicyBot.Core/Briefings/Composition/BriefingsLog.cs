using Microsoft.Extensions.Logging;

namespace PolicyBot.Core.Briefings.Composition;

/// <summary>Briefing composition and command log messages (event ids 440-449; the scheduler has the rest of the 400s).</summary>
internal static partial class BriefingsLog
{
    [LoggerMessage(440, LogLevel.Information, "Composed briefing for {SubscriptionId}: {New} new, {Changed} changed, {Removed} removed, {Upcoming} upcoming in {Milliseconds:F1} ms")]
    public static partial void BriefingComposed(this ILogger logger, string subscriptionId, int @new, int changed, int removed, int upcoming, double milliseconds);

    [LoggerMessage(441, LogLevel.Information, "Briefing subscription {SubscriptionId} added for {Platform} channel {ChannelId} by {UserId}")]
    public static partial void SubscriptionAdded(this ILogger logger, string subscriptionId, string platform, string channelId, string userId);

    [LoggerMessage(442, LogLevel.Information, "Briefing subscription {SubscriptionId} removed by {UserId}")]
    public static partial void SubscriptionRemoved(this ILogger logger, string subscriptionId, string userId);

    [LoggerMessage(443, LogLevel.Information, "Refused brief {Command} for {UserId} in {ChannelId}: no permission to manage briefings")]
    public static partial void CommandRefused(this ILogger logger, string command, string userId, string channelId);
}
