namespace PolicyBot.Core.State;

/// <summary>The delivery log in memory (leases on the injected clock), for tests and a single throw-away instance.</summary>
public sealed class InMemoryDeliveryLog(TimeProvider timeProvider) : IDeliveryLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string, DateTimeOffset), Row> _rows = [];

    public Task<SlotClaim?> TryClaimAsync(string subscriptionId, DateTimeOffset slot, string instanceId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            var key = (subscriptionId, slot.ToUniversalTime());
            if (!_rows.TryGetValue(key, out var row))
                row = _rows[key] = new Row(DeliveryIds.For(subscriptionId, slot)) { Attempts = 0 };
            else if (row.Status != DeliveryStatus.Claimed || row.LeaseUntil > now)
                return Task.FromResult<SlotClaim?>(null);
            row.Status = DeliveryStatus.Claimed;
            row.InstanceId = instanceId;
            row.LeaseUntil = now + lease;
            row.Attempts++;
            return Task.FromResult<SlotClaim?>(new SlotClaim(subscriptionId, key.Item2, row.DeliveryId, instanceId, row.Attempts));
        }
    }

    public Task MarkDeliveredAsync(SlotClaim claim, CancellationToken cancellationToken)
    {
        lock (_lock)
            if (_rows.TryGetValue((claim.SubscriptionId, claim.Slot.ToUniversalTime()), out var row) && row.DeliveryId == claim.DeliveryId)
            {
                row.Status = DeliveryStatus.Delivered;
                row.DeliveredAt = timeProvider.GetUtcNow();
            }
        return Task.CompletedTask;
    }

    public Task MarkSkippedAsync(string subscriptionId, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var key = (subscriptionId, slot.ToUniversalTime());
            if (!_rows.TryGetValue(key, out var row))
                _rows[key] = new Row(DeliveryIds.For(subscriptionId, slot)) { Status = DeliveryStatus.Skipped };
            else if (row.Status == DeliveryStatus.Claimed)
                row.Status = DeliveryStatus.Skipped;
        }
        return Task.CompletedTask;
    }

    public Task<DeliveryRecord?> FindAsync(string subscriptionId, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult(_rows.TryGetValue((subscriptionId, slot.ToUniversalTime()), out var row) ? row.ToRecord(subscriptionId, slot.ToUniversalTime()) : null);
    }

    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<DeliveryRecord>>(_rows
                .Where(r => r.Key.Item1 == subscriptionId)
                .OrderBy(r => r.Key.Item2)
                .Select(r => r.Value.ToRecord(r.Key.Item1, r.Key.Item2))
                .ToList());
    }

    private sealed class Row(string deliveryId)
    {
        public string DeliveryId { get; } = deliveryId;
        public string Status { get; set; } = DeliveryStatus.Claimed;
        public string? InstanceId { get; set; }
        public DateTimeOffset LeaseUntil { get; set; }
        public int Attempts { get; set; }
        public DateTimeOffset? DeliveredAt { get; set; }

        public DeliveryRecord ToRecord(string subscriptionId, DateTimeOffset slot) =>
            new(subscriptionId, slot, DeliveryId, Status == DeliveryStatus.Delivered, Attempts, DeliveredAt) { Skipped = Status == DeliveryStatus.Skipped };
    }
}
