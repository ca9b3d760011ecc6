using Microsoft.Extensions.Logging;

namespace PolicyBot.Teams.Briefings;

/// <summary>Teams briefing delivery log messages and access check messages (event ids 720-729).</summary>
internal static partial class TeamsBriefingLog
{
    [LoggerMessage(720, LogLevel.Information, "Posted briefing {DeliveryId} for {SubscriptionId} to Teams conversation {ConversationId} as activity {ActivityId}")]
    public static partial void BriefingPosted(this ILogger logger, string deliveryId, string subscriptionId, string conversationId, string? activityId);

    [LoggerMessage(721, LogLevel.Debug, "Skipped empty briefing {DeliveryId} for {SubscriptionId}: the subscription skips empty briefings")]
    public static partial void BriefingSkipped(this ILogger logger, string deliveryId, string subscriptionId);

    [LoggerMessage(722, LogLevel.Debug, "Briefing management check: roster role {UserRole}, allowed {Allowed}")]
    public static partial void BriefingAccessChecked(this ILogger logger, string userRole, bool allowed);

    [LoggerMessage(723, LogLevel.Warning, "Could not look up the sender in the Teams roster; briefing changes are refused")]
    public static partial void BriefingAccessLookupFailed(this ILogger logger, Exception exception);
}
