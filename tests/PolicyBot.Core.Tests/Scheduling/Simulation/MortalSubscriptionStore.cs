using PolicyBot.Core.Briefings;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Tests.Scheduling.Simulation;

public sealed class MortalSubscriptionStore(ISubscriptionStore inner, SimulatedProcess process) : ISubscriptionStore
{
    public Task AddAsync(BriefingSubscription subscription, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return inner.AddAsync(subscription, cancellationToken);
    }

    public Task<IReadOnlyList<BriefingSubscription>> ListAsync(string? platform, string? channelId, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return inner.ListAsync(platform, channelId, cancellationToken);
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return inner.RemoveAsync(id, cancellationToken);
    }

    public Task SetLastBriefingAsync(string id, DateTimeOffset until, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return inner.SetLastBriefingAsync(id, until, cancellationToken);
    }
}
