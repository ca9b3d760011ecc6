using Microsoft.Extensions.Logging;

namespace PolicyBot.Core.Briefings.Scheduling;

/// <summary>Scheduler log messages: event ids 450–469 (the 400s are briefings). No briefing text above Debug.</summary>
internal static partial class SchedulingLog
{
    [LoggerMessage(450, LogLevel.Information, "Delivered briefing {DeliveryId} for subscription {SubscriptionId}: slot {Slot:o}, attempt {Attempt}, {ItemCount} items")]
    public static partial void BriefingDelivered(this ILogger logger, string deliveryId, string subscriptionId, DateTimeOffset slot, int attempt, int itemCount);

    [LoggerMessage(451, LogLevel.Information, "Subscription {SubscriptionId} missed {MissedCount} slots; catching up once with the latest, {Slot:o}")]
    public static partial void CatchingUp(this ILogger logger, string subscriptionId, int missedCount, DateTimeOffset slot);

    [LoggerMessage(452, LogLevel.Debug, "Nothing changed for subscription {SubscriptionId} by {Slot:o}; skipped as it asks")]
    public static partial void EmptyBriefingSkipped(this ILogger logger, string subscriptionId, DateTimeOffset slot);

    [LoggerMessage(453, LogLevel.Warning, "Retrying briefing {DeliveryId} for subscription {SubscriptionId} (slot {Slot:o}, attempt {Attempt}): an earlier claim lapsed unrecorded")]
    public static partial void RetryingLapsedClaim(this ILogger logger, string deliveryId, string subscriptionId, DateTimeOffset slot, int attempt);

    [LoggerMessage(454, LogLevel.Error, "Briefing for subscription {SubscriptionId} failed; an unrecorded claim is retried after its lease")]
    public static partial void SubscriptionRunFailed(this ILogger logger, string subscriptionId, Exception exception);

    [LoggerMessage(455, LogLevel.Error, "No briefing sink for platform '{Platform}' (subscription {SubscriptionId}); its slots wait")]
    public static partial void NoSink(this ILogger logger, string platform, string subscriptionId);

    [LoggerMessage(456, LogLevel.Error, "Briefing run failed; the next run tries again")]
    public static partial void RunFailed(this ILogger logger, Exception exception);

    [LoggerMessage(457, LogLevel.Debug, "Briefing run at {Now:o}: {Subscriptions} subscriptions, {Delivered} delivered, {SkippedEmpty} empty skipped, {Superseded} superseded, {Busy} busy, {Failed} failed")]
    public static partial void RunFinished(this ILogger logger, DateTimeOffset now, int subscriptions, int delivered, int skippedEmpty, int superseded, int busy, int failed);

    [LoggerMessage(458, LogLevel.Information, "Briefing scheduler started as {InstanceId}: every {Interval}, lease {Lease}")]
    public static partial void WorkerStarted(this ILogger logger, string instanceId, TimeSpan interval, TimeSpan lease);
}
