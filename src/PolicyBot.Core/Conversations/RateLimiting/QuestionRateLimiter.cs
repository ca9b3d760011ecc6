using Microsoft.Extensions.Options;

namespace PolicyBot.Core.Conversations.RateLimiting;

/// <summary>
/// Per-user and per-channel token buckets for questions, the same on every platform. A question is let through only when
/// both buckets have a token; then one is taken from each. Buckets that have refilled are forgotten, so memory stays bounded.
/// </summary>
public sealed class QuestionRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private const int SweepEvery = 1024;

    private readonly RateLimitOptions _options = options.Value;
    private readonly Dictionary<string, TokenBucket> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenBucket> _channels = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _sinceSweep;

    public bool Enabled => _options.Enabled;

    /// <returns><see cref="TimeSpan.Zero"/> when the question may go ahead (and is counted); otherwise how long to wait.</returns>
    public TimeSpan TryAcquire(string platform, string userId, string channelId)
    {
        if (!_options.Enabled) return TimeSpan.Zero;
        var now = time.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            if (++_sinceSweep >= SweepEvery) Sweep(now);
            var user = Bucket(_users, $"{platform}\u001f{userId}", _options.PerUser, now);
            var channel = Bucket(_channels, $"{platform}\u001f{channelId}", _options.PerChannel, now);
            var wait = Max(user.WaitFor(now), channel.WaitFor(now));
            if (wait > TimeSpan.Zero) return wait;
            user.Take(now);
            channel.Take(now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>The friendly reply for a question over the limit.</summary>
    public static string Message(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return $"You're asking faster than I can keep up — try again in {seconds} second{(seconds == 1 ? "" : "s")}.";
    }

    private static TokenBucket Bucket(Dictionary<string, TokenBucket> buckets, string key, RateLimitRule rule, long now)
    {
        if (!buckets.TryGetValue(key, out var bucket)) buckets[key] = bucket = new TokenBucket(rule, now);
        return bucket;
    }

    private void Sweep(long now)
    {
        _sinceSweep = 0;
        foreach (var buckets in new[] { _users, _channels })
            foreach (var key in buckets.Where(b => b.Value.IsFull(now)).Select(b => b.Key).ToList())
                buckets.Remove(key);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
