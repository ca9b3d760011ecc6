using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Briefings.Scheduling;

/// <summary>
/// Sends each subscription's due briefing once, however many instances run and whenever one dies.
/// <code>
/// subscription ─► due slots in (LastBriefingAt ?? CreatedAt, now]
///   ├─ none ─────────────────────────────────────────► nothing to do
///   ├─ older missed slots ───────────────────────────► MarkSkipped (only the latest is caught up)
///   └─ latest ─► TryClaim ─┬─ null ─► delivered/skipped already? ─► advance LastBriefingAt (heal) ; else busy
///                          └─ claim ─► Compose ─┬─ empty and SkipWhenEmpty ─► MarkSkipped ─► LastBriefingAt = slot
///                                               └─ Deliver(deliveryId) ─► MarkDelivered ─► LastBriefingAt = slot
/// </code>
/// A crash after the claim leaves it unrecorded: after the lease anyone re-claims it with the same delivery id, and the sink
/// recognises the resend (Discord nonce). Errors are caught per subscription.
/// </summary>
public sealed class BriefingScheduler
{
    /// <summary>At most this many superseded slots are written to the delivery log per catch-up (the count is logged).</summary>
    internal const int MaxSupersededRecorded = 50;

    private readonly ISubscriptionStore _subscriptions;
    private readonly IDeliveryLog _deliveries;
    private readonly IBriefingComposer _composer;
    private readonly Dictionary<string, IBriefingSink> _sinks;
    private readonly TimeSpan _lease;
    private readonly ILogger<BriefingScheduler> _logger;

    public BriefingScheduler(ISubscriptionStore subscriptions, IDeliveryLog deliveries, IBriefingComposer composer, IEnumerable<IBriefingSink> sinks,
        IOptions<BriefingSchedulerOptions> options, ILogger<BriefingScheduler> logger)
    {
        _subscriptions = subscriptions;
        _deliveries = deliveries;
        _composer = composer;
        _sinks = sinks.ToDictionary(s => s.Platform, StringComparer.OrdinalIgnoreCase);
        _lease = options.Value.Lease;
        InstanceId = options.Value.ResolvedInstanceId;
        _logger = logger;
    }

    public string InstanceId { get; }

    /// <summary>Sends what is due at <paramref name="now"/>. Only listing the subscriptions can throw; each subscription's errors are logged.</summary>
    public async Task<BriefingRunResult> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscriptions = await _subscriptions.ListAsync(null, null, cancellationToken);
        int delivered = 0, empty = 0, superseded = 0, busy = 0, failed = 0;
        foreach (var subscription in subscriptions)
        {
            try
            {
                var (outcome, skipped) = await RunAsync(subscription, now, cancellationToken);
                superseded += skipped;
                switch (outcome)
                {
                    case Outcome.Delivered: delivered++; break;
                    case Outcome.SkippedEmpty: empty++; break;
                    case Outcome.Busy: busy++; break;
                    case Outcome.Failed: failed++; break;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failed++;
                _logger.SubscriptionRunFailed(subscription.Id, ex);
            }
        }
        _logger.RunFinished(now, subscriptions.Count, delivered, empty, superseded, busy, failed);
        return new BriefingRunResult(subscriptions.Count, delivered, empty, superseded, busy, failed);
    }

    private async Task<(Outcome, int Superseded)> RunAsync(BriefingSubscription s, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_sinks.TryGetValue(s.Platform, out var sink))
        {
            _logger.NoSink(s.Platform, s.Id);
            return (Outcome.Failed, 0);
        }
        var since = s.LastBriefingAt ?? s.CreatedAt;
        var (slot, older, missed) = DueSlots(s.Schedule, since, now);
        if (slot is not { } latest) return (Outcome.NotDue, 0);
        foreach (var old in older) await _deliveries.MarkSkippedAsync(s.Id, old, cancellationToken);
        if (missed > 0) _logger.CatchingUp(s.Id, missed, latest);

        var claim = await _deliveries.TryClaimAsync(s.Id, latest, InstanceId, _lease, cancellationToken);
        if (claim is null)
        {
            // Done by someone who died before advancing LastBriefingAt (or a stale snapshot): advance it; otherwise it is leased.
            var record = await _deliveries.FindAsync(s.Id, latest, cancellationToken);
            if (record is not { Delivered: true } and not { Skipped: true }) return (Outcome.Busy, missed);
            await _subscriptions.SetLastBriefingAsync(s.Id, latest, cancellationToken);
            return (Outcome.NotDue, missed);
        }
        if (claim.Attempt > 1) _logger.RetryingLapsedClaim(claim.DeliveryId, s.Id, latest, claim.Attempt);

        var briefing = await _composer.ComposeAsync(s, since, latest, cancellationToken);
        if (!Composition.BriefingDelivery.ShouldPost(s, briefing))
        {
            await _deliveries.MarkSkippedAsync(s.Id, latest, cancellationToken);
            await _subscriptions.SetLastBriefingAsync(s.Id, latest, cancellationToken);
            _logger.EmptyBriefingSkipped(s.Id, latest);
            return (Outcome.SkippedEmpty, missed);
        }
        await sink.DeliverAsync(s, briefing, claim.DeliveryId, cancellationToken);
        await _deliveries.MarkDeliveredAsync(claim, cancellationToken);
        await _subscriptions.SetLastBriefingAsync(s.Id, latest, cancellationToken);
        _logger.BriefingDelivered(claim.DeliveryId, s.Id, latest, claim.Attempt, briefing.Items.Count);
        return (Outcome.Delivered, missed);
    }

    /// <summary>The latest slot in (since, now], the most recent older ones to record as skipped, and how many older ones there were.</summary>
    internal static (DateTimeOffset? Latest, IReadOnlyList<DateTimeOffset> Older, int MissedCount) DueSlots(BriefingSchedule schedule, DateTimeOffset since, DateTimeOffset now)
    {
        var recent = new Queue<DateTimeOffset>(MaxSupersededRecorded + 1);
        var count = 0;
        foreach (var slot in ScheduleCalculator.SlotsBetween(schedule, since, now))
        {
            count++;
            if (recent.Count == MaxSupersededRecorded + 1) recent.Dequeue();
            recent.Enqueue(slot);
        }
        if (count == 0) return (null, [], 0);
        var slots = recent.ToArray();
        return (slots[^1], slots[..^1], count - 1);
    }

    private enum Outcome { NotDue, Delivered, SkippedEmpty, Busy, Failed }
}
