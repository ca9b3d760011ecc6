namespace PolicyBot.Core.Briefings.Scheduling;

/// <summary>What one scheduler run did, summed over the subscriptions.</summary>
/// <param name="Delivered">Briefings sent (first attempts and retries of lapsed claims).</param>
/// <param name="SkippedEmpty">Due slots with nothing to report on a subscription that skips empty briefings.</param>
/// <param name="Superseded">Older missed slots recorded as skipped because only the latest is caught up.</param>
/// <param name="Busy">Due slots another instance holds a live claim on.</param>
/// <param name="Failed">Subscriptions whose run threw; an unrecorded claim is retried after its lease.</param>
public sealed record BriefingRunResult(int Subscriptions, int Delivered, int SkippedEmpty, int Superseded, int Busy, int Failed);
