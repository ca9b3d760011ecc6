using Microsoft.Extensions.Logging;

namespace PolicyBot.Discord.Briefings;

/// <summary>Discord briefing delivery log messages (event ids 490-499).</summary>
internal static partial class DiscordBriefingLog
{
    [LoggerMessage(490, LogLevel.Information, "Posted briefing {DeliveryId} part {Part}/{Parts} for {SubscriptionId} to channel {ChannelId} as message {MessageId}")]
    public static partial void BriefingPosted(this ILogger logger, string deliveryId, int part, int parts, string subscriptionId, string channelId, string messageId);

    [LoggerMessage(491, LogLevel.Debug, "Skipped empty briefing {DeliveryId} for {SubscriptionId}: the subscription skips empty briefings")]
    public static partial void BriefingSkipped(this ILogger logger, string deliveryId, string subscriptionId);
}
