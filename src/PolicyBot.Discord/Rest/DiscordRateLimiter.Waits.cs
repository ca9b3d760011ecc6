using PolicyBot.Core.Telemetry;

namespace PolicyBot.Discord.Rest;

/// <summary>Entering a bucket and waiting for its reset, the global pause and the global window.</summary>
public sealed partial class DiscordRateLimiter
{
    private const int IdleBucketsBeforeSweep = 512;

    /// <summary>Enters the route's bucket gate and waits until the route may send. The caller must <see cref="Release"/> it.</summary>
    private async Task<RateLimitBucket> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        var bucket = await EnterBucketAsync(route, cancellationToken);
        try
        {
            await WaitAsync(route, "bucket", () => bucket.DelayUntilReset(Now), (r, s) => _logger.BucketWait(r, s), cancellationToken);
            if (!route.IsInteraction)
            {
                await WaitAsync(route, "global_pause", () => _globalPauseUntil > Now ? _globalPauseUntil - Now : TimeSpan.Zero,
                    (r, s) => _logger.GlobalPauseWait(r, s), cancellationToken);
                var slot = _window.Reserve(Now);
                if (slot > TimeSpan.Zero)
                {
                    _logger.GlobalWindowWait(route.Key, slot.TotalSeconds, _window.Limit);
                    PolicyBotTelemetry.RecordRateLimitWait(DiscordRestClient.Platform, "global_window", slot);
                    await Task.Delay(slot, _timeProvider, cancellationToken);
                }
            }

            return bucket;
        }
        catch
        {
            Release(bucket);
            throw;
        }
    }

    /// <summary>Waits on the gate of the bucket the route maps to, re-checking the mapping (a bucket hash may be learned meanwhile).</summary>
    private async Task<RateLimitBucket> EnterBucketAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            RateLimitBucket bucket;
            lock (_lock)
            {
                bucket = GetOrAddBucket(KeyOf(route));
                bucket.Users++;
            }

            try
            {
                await bucket.Gate.WaitAsync(cancellationToken);
            }
            catch
            {
                lock (_lock) Forget(bucket);
                throw;
            }

            lock (_lock)
                if (bucket.Key == KeyOf(route)) return bucket;
            Release(bucket);
        }
    }

    private void Release(RateLimitBucket bucket)
    {
        bucket.Gate.Release();
        lock (_lock) Forget(bucket);
    }

    /// <summary>Drops one user; an idle bucket is removed so per-interaction buckets do not pile up. Call under the lock.</summary>
    private void Forget(RateLimitBucket bucket)
    {
        bucket.Users--;
        if (bucket.IsIdle(Now) && _buckets.TryGetValue(bucket.Key, out var current) && ReferenceEquals(current, bucket))
            _buckets.Remove(bucket.Key);
    }

    /// <summary>Call under the lock.</summary>
    private RateLimitBucket GetOrAddBucket(string key)
    {
        if (_buckets.TryGetValue(key, out var bucket)) return bucket;
        if (_buckets.Count >= IdleBucketsBeforeSweep)
        {
            var now = Now;
            foreach (var idle in _buckets.Where(b => b.Value.IsIdle(now)).Select(b => b.Key).ToList()) _buckets.Remove(idle);
        }

        bucket = new RateLimitBucket(key);
        _buckets.Add(key, bucket);
        return bucket;
    }

    /// <summary>"{bucket hash, or the route key until one is learned}|{major parameter}". Call under the lock.</summary>
    private string KeyOf(DiscordRoute route) =>
        (_hashes.TryGetValue(route.Key, out var hash) ? hash : route.Key) + "|" + route.MajorParameter;

    private async Task WaitAsync(DiscordRoute route, string reason, Func<TimeSpan> remaining, Action<string, double> log, CancellationToken cancellationToken)
    {
        long? started = null;
        while (true)
        {
            TimeSpan delay;
            lock (_lock) delay = remaining();
            if (delay <= TimeSpan.Zero)
            {
                // One measurement per wait, however many times the loop re-checked.
                if (started is { } since) PolicyBotTelemetry.RecordRateLimitWait(DiscordRestClient.Platform, reason, _timeProvider.GetElapsedTime(since));
                return;
            }
            started ??= _timeProvider.GetTimestamp();
            log(route.Key, delay.TotalSeconds);
            await Task.Delay(delay, _timeProvider, cancellationToken);
        }
    }

    /// <summary>Buckets currently remembered; for tests.</summary>
    internal int BucketCount
    {
        get
        {
            lock (_lock) return _buckets.Count;
        }
    }
}
