using PolicyBot.Core.Briefings;

namespace PolicyBot.Core.State;

public interface ISubscriptionStore
{
    Task AddAsync(BriefingSubscription subscription, CancellationToken cancellationToken);
    Task<IReadOnlyList<BriefingSubscription>> ListAsync(string? platform, string? channelId, CancellationToken cancellationToken);
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken);
    Task SetLastBriefingAsync(string id, DateTimeOffset until, CancellationToken cancellationToken);
}
