using System.Collections.Concurrent;
using PolicyBot.Core.Briefings;

namespace PolicyBot.Core.Tests.Scheduling.Fakes;

/// <summary>
/// A Discord channel that honours <c>enforce_nonce</c>: a second post with a delivery id it has seen returns the earlier message
/// instead of adding one. Counts every call (<see cref="Calls"/>) and every message the channel shows (<see cref="Messages"/>).
/// </summary>
public sealed class NonceDedupingSink(TimeProvider timeProvider, string platform = "discord") : IBriefingSink
{
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, PostedMessage> _messages = new();

    public string Platform { get; } = platform;

    /// <summary>Called before posting; throw to simulate a failed request (nothing posted).</summary>
    public Func<BriefingSubscription, string, Exception?>? FailBeforePost { get; set; }

    /// <summary>Called after posting; throw to simulate the sender dying before it hears back.</summary>
    public Func<BriefingSubscription, string, Exception?>? FailAfterPost { get; set; }

    /// <summary>Calls per delivery id, resends included.</summary>
    public IReadOnlyDictionary<string, int> Calls => _calls;

    /// <summary>What the channel shows, one message per nonce.</summary>
    public IReadOnlyDictionary<string, PostedMessage> Messages => _messages;

    /// <summary>Posts that the nonce turned back into the earlier message.</summary>
    public int NonceDuplicatesSuppressed => _calls.Values.Sum() - _messages.Count - _failedBeforePost;

    private int _failedBeforePost;

    public Task DeliverAsync(BriefingSubscription subscription, Briefing briefing, string deliveryId, CancellationToken cancellationToken)
    {
        _calls.AddOrUpdate(deliveryId, 1, (_, n) => n + 1);
        if (FailBeforePost?.Invoke(subscription, deliveryId) is { } before)
        {
            Interlocked.Increment(ref _failedBeforePost);
            throw before;
        }
        _messages.TryAdd(deliveryId, new PostedMessage(subscription.Id, subscription.ChannelId, briefing, timeProvider.GetUtcNow()));
        if (FailAfterPost?.Invoke(subscription, deliveryId) is { } after) throw after;
        return Task.CompletedTask;
    }
}

public sealed record PostedMessage(string SubscriptionId, string ChannelId, Briefing Briefing, DateTimeOffset PostedAt);
