using PolicyBot.Core.Briefings;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Tests.Scheduling.Simulation;

/// <summary>The scheduler's dependencies as seen from a <see cref="SimulatedProcess"/>: durable underneath, unreachable once it dies.</summary>
public sealed class MortalDeliveryLog(IDeliveryLog inner, SimulatedProcess process) : IDeliveryLog
{
    public async Task<SlotClaim?> TryClaimAsync(string subscriptionId, DateTimeOffset slot, string instanceId, TimeSpan lease, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        var claim = await inner.TryClaimAsync(subscriptionId, slot, instanceId, lease, cancellationToken);
        if (claim is not null) process.MaybeCrash("after claim, before compose");
        return claim;
    }

    public async Task MarkDeliveredAsync(SlotClaim claim, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        await inner.MarkDeliveredAsync(claim, cancellationToken);
        process.MaybeCrash("after MarkDelivered, before LastBriefingAt");
    }

    public Task MarkSkippedAsync(string subscriptionId, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return inner.MarkSkippedAsync(subscriptionId, slot, cancellationToken);
    }

    public Task<DeliveryRecord?> FindAsync(string subscriptionId, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return inner.FindAsync(subscriptionId, slot, cancellationToken);
    }

    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return inner.ListAsync(subscriptionId, cancellationToken);
    }
}
