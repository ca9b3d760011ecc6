using PolicyBot.Core.State;

namespace PolicyBot.Core.Tests.State.Contracts;

/// <summary>What every <see cref="IDeliveryLog"/> must do; subclasses supply the store and a way to let a lease lapse.</summary>
public abstract class DeliveryLogContractTests
{
    protected static readonly DateTimeOffset Slot = new(2026, 3, 21, 8, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    protected virtual TimeSpan Lease => TimeSpan.FromSeconds(1);

    /// <summary>The store under test; each test gets an empty one.</summary>
    protected abstract IDeliveryLog Log { get; }

    /// <summary>A new store instance over the same data (a restart).</summary>
    protected abstract IDeliveryLog Reopen();

    protected abstract Task LetLeaseLapseAsync();

    [StoreFact]
    public async Task TryClaimAsync_FreeSlot_ClaimsFirstAttemptWithTheStableDeliveryId()
    {
        var claim = await Log.TryClaimAsync("sub-1", Slot, "a", Lease, None);

        Assert.Equal(new SlotClaim("sub-1", Slot, DeliveryIds.For("sub-1", Slot), "a", 1), claim);
        Assert.Equal(DeliveryIds.Length, claim!.DeliveryId.Length);
        Assert.Matches("^[0-9a-f]{25}$", claim.DeliveryId);
    }

    [StoreFact]
    public async Task TryClaimAsync_LiveLease_NobodyElseClaims()
    {
        await Log.TryClaimAsync("sub-1", Slot, "a", Lease, None);

        Assert.Null(await Log.TryClaimAsync("sub-1", Slot, "b", Lease, None));
        Assert.Null(await Log.TryClaimAsync("sub-1", Slot, "a", Lease, None));
        Assert.NotNull(await Log.TryClaimAsync("sub-1", Slot.AddDays(1), "b", Lease, None));
        Assert.NotNull(await Log.TryClaimAsync("sub-2", Slot, "b", Lease, None));
    }

    [StoreFact]
    public async Task TryClaimAsync_LapsedLease_TakenOverWithTheSameIdAndTheNextAttempt()
    {
        var first = await Log.TryClaimAsync("sub-1", Slot, "a", Lease, None);
        await LetLeaseLapseAsync();

        var second = await Log.TryClaimAsync("sub-1", Slot, "b", Lease, None);

        Assert.Equal(first! with { InstanceId = "b", Attempt = 2 }, second);
        Assert.Null(await Log.TryClaimAsync("sub-1", Slot, "a", Lease, None));
    }

    [StoreFact]
    public async Task TryClaimAsync_Delivered_IsNeverClaimedAgain()
    {
        await Log.MarkDeliveredAsync((await Log.TryClaimAsync("sub-1", Slot, "a", Lease, None))!, None);
        await LetLeaseLapseAsync();

        Assert.Null(await Log.TryClaimAsync("sub-1", Slot, "b", Lease, None));
        var record = await Log.FindAsync("sub-1", Slot, None);
        Assert.True(record!.Delivered);
        Assert.False(record.Skipped);
        Assert.Equal(1, record.Attempts);
        Assert.NotNull(record.DeliveredAt);
    }

    [StoreFact]
    public async Task MarkSkippedAsync_SkipsFreeAndClaimedSlotsButNotDeliveredOnes()
    {
        await Log.MarkSkippedAsync("sub-1", Slot, None);
        await Log.TryClaimAsync("sub-1", Slot.AddDays(1), "a", Lease, None);
        await Log.MarkSkippedAsync("sub-1", Slot.AddDays(1), None);
        await Log.MarkDeliveredAsync((await Log.TryClaimAsync("sub-1", Slot.AddDays(2), "a", Lease, None))!, None);
        await Log.MarkSkippedAsync("sub-1", Slot.AddDays(2), None);
        await LetLeaseLapseAsync();

        Assert.Null(await Log.TryClaimAsync("sub-1", Slot, "b", Lease, None));
        Assert.Null(await Log.TryClaimAsync("sub-1", Slot.AddDays(1), "b", Lease, None));
        var records = await Log.ListAsync("sub-1", None);
        Assert.Equal([true, true, false], records.Select(r => r.Skipped));
        Assert.Equal([false, false, true], records.Select(r => r.Delivered));
        Assert.Equal(DeliveryIds.For("sub-1", Slot), records[0].DeliveryId);
    }

    [StoreFact]
    public async Task FindAndList_ReportOneSubscriptionsSlotsInOrder()
    {
        Assert.Null(await Log.FindAsync("sub-1", Slot, None));
        await Log.TryClaimAsync("sub-1", Slot.AddHours(2), "a", Lease, None);
        await Log.TryClaimAsync("sub-1", Slot, "a", Lease, None);
        await Log.TryClaimAsync("sub-2", Slot.AddHours(1), "a", Lease, None);

        var records = await Log.ListAsync("sub-1", None);

        Assert.Equal([Slot, Slot.AddHours(2)], records.Select(r => r.Slot));
        Assert.All(records, r => Assert.False(r.Delivered || r.Skipped));
        Assert.Equal(Slot, (await Log.FindAsync("sub-1", Slot, None))!.Slot);
    }

    [StoreFact]
    public async Task TryClaimAsync_ManyClaimantsAtOnce_ExactlyOneWins()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Log.TryClaimAsync("sub-1", Slot, "instance-" + i, Lease, None))));

        Assert.Single(claims, c => c is not null);
    }

    [StoreFact]
    public async Task Records_SurviveAReopen()
    {
        await Log.MarkDeliveredAsync((await Log.TryClaimAsync("sub-1", Slot, "a", Lease, None))!, None);
        await Log.TryClaimAsync("sub-1", Slot.AddDays(1), "a", Lease, None);

        var reopened = Reopen();

        Assert.True((await reopened.FindAsync("sub-1", Slot, None))!.Delivered);
        Assert.Null(await reopened.TryClaimAsync("sub-1", Slot.AddDays(1), "b", Lease, None));
        Assert.Equal(2, (await reopened.ListAsync("sub-1", None)).Count);
    }
}
