using PolicyBot.Core.Briefings;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Tests.Scheduling.Fakes;

/// <summary>Dies on the first <see cref="SetLastBriefingAsync"/>: the delivery was recorded, LastBriefingAt was not advanced.</summary>
public sealed class CrashingSubscriptionStore(ISubscriptionStore inner) : ISubscriptionStore
{
    public Task AddAsync(BriefingSubscription subscription, CancellationToken cancellationToken) => inner.AddAsync(subscription, cancellationToken);

    public Task<IReadOnlyList<BriefingSubscription>> ListAsync(string? platform, string? channelId, CancellationToken cancellationToken) =>
        inner.ListAsync(platform, channelId, cancellationToken);

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) => inner.RemoveAsync(id, cancellationToken);

    public Task SetLastBriefingAsync(string id, DateTimeOffset until, CancellationToken cancellationToken) =>
        throw new SimulatedCrashException("died before SetLastBriefing");
}
