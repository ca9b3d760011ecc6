using PolicyBot.Core.Briefings;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Tests.Briefings;

/// <summary>Test double for <see cref="ISubscriptionStore"/>.</summary>
internal sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly List<BriefingSubscription> _items = [];

    public IReadOnlyList<BriefingSubscription> All { get { lock (_items) return [.. _items]; } }

    public Task AddAsync(BriefingSubscription subscription, CancellationToken cancellationToken)
    {
        lock (_items) _items.Add(subscription);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<BriefingSubscription>> ListAsync(string? platform, string? channelId, CancellationToken cancellationToken)
    {
        lock (_items)
            return Task.FromResult<IReadOnlyList<BriefingSubscription>>(
                [.. _items.Where(s => (platform is null || s.Platform == platform) && (channelId is null || s.ChannelId == channelId))]);
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        lock (_items) return Task.FromResult(_items.RemoveAll(s => s.Id == id) > 0);
    }

    public Task SetLastBriefingAsync(string id, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_items)
        {
            var index = _items.FindIndex(s => s.Id == id);
            if (index >= 0) _items[index] = _items[index] with { LastBriefingAt = until };
        }
        return Task.CompletedTask;
    }
}
