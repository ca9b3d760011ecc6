using PolicyBot.Core.Briefings;

namespace PolicyBot.Core.State;

/// <summary>Subscriptions in memory, for tests and a throw-away bot; the same semantics as the SQL stores.</summary>
public sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, BriefingSubscription> _subscriptions = new(StringComparer.Ordinal);

    public Task AddAsync(BriefingSubscription subscription, CancellationToken cancellationToken)
    {
        lock (_lock)
            if (!_subscriptions.TryAdd(subscription.Id, subscription))
                throw new InvalidOperationException($"A subscription with id '{subscription.Id}' exists.");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<BriefingSubscription>> ListAsync(string? platform, string? channelId, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<BriefingSubscription>>(_subscriptions.Values
                .Where(s => (platform is null || s.Platform == platform) && (channelId is null || s.ChannelId == channelId))
                .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)
                .ToList());
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_subscriptions.Remove(id));
    }

    /// <summary>Only moves forward: an older value (a slower instance's) is ignored.</summary>
    public Task SetLastBriefingAsync(string id, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_lock)
            if (_subscriptions.TryGetValue(id, out var s) && (s.LastBriefingAt is null || s.LastBriefingAt < until))
                _subscriptions[id] = s with { LastBriefingAt = until };
        return Task.CompletedTask;
    }
}
