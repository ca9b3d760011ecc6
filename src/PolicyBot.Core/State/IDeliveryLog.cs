namespace PolicyBot.Core.State;

/// <summary>
/// Exactly-once delivery of (subscription, slot): an instance claims a slot durably before sending, with a lease; records the
/// delivery after. A slot claimed but not recorded is re-claimable by anyone once the lease expires, with the same delivery id,
/// so the platform can recognise the retry.
/// </summary>
public interface IDeliveryLog
{
    /// <returns>The claim (with its stable delivery id), or null when the slot is delivered or someone else holds a live lease.</returns>
    Task<SlotClaim?> TryClaimAsync(string subscriptionId, DateTimeOffset slot, string instanceId, TimeSpan lease, CancellationToken cancellationToken);

    Task MarkDeliveredAsync(SlotClaim claim, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a slot will not be sent: an older missed slot superseded by a catch-up, or an empty briefing the subscription
    /// skips. Adds the row if there is none and turns an undelivered claim into a skip; a delivered slot stays delivered.
    /// A skipped slot cannot be claimed.
    /// </summary>
    Task MarkSkippedAsync(string subscriptionId, DateTimeOffset slot, CancellationToken cancellationToken);

    /// <returns>The slot's record, or null when nobody claimed or skipped it.</returns>
    Task<DeliveryRecord?> FindAsync(string subscriptionId, DateTimeOffset slot, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryRecord>> ListAsync(string subscriptionId, CancellationToken cancellationToken);
}

/// <param name="Attempt">1 for the first claim; higher when a lapsed claim was taken over.</param>
public sealed record SlotClaim(string SubscriptionId, DateTimeOffset Slot, string DeliveryId, string InstanceId, int Attempt);

public sealed record DeliveryRecord(string SubscriptionId, DateTimeOffset Slot, string DeliveryId, bool Delivered, int Attempts, DateTimeOffset? DeliveredAt)
{
    /// <summary>Superseded by a catch-up or an empty briefing the subscription skips; never sent.</summary>
    public bool Skipped { get; init; }
}
