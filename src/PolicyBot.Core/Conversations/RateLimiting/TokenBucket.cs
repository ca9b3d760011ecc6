namespace PolicyBot.Core.Conversations.RateLimiting;

/// <summary>A token bucket on a clock in ticks; not thread-safe (the limiter locks around it).</summary>
internal sealed class TokenBucket(RateLimitRule rule, long now)
{
    private readonly double _tokensPerTick = rule.QuestionsPerMinute / (double)TimeSpan.TicksPerMinute;
    private double _tokens = rule.Burst;
    private long _updated = now;

    public long LastUsed { get; private set; } = now;

    /// <summary>Whether a token is there now, without taking it; otherwise how long until one is.</summary>
    public TimeSpan WaitFor(long now)
    {
        Refill(now);
        return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Ceiling((1 - _tokens) / _tokensPerTick));
    }

    public void Take(long now)
    {
        Refill(now);
        _tokens -= 1;
        LastUsed = now;
    }

    /// <summary>Full again: forgetting the bucket changes nothing.</summary>
    public bool IsFull(long now)
    {
        Refill(now);
        return _tokens >= rule.Burst;
    }

    private void Refill(long now)
    {
        if (now <= _updated) return;
        _tokens = Math.Min(rule.Burst, _tokens + (now - _updated) * _tokensPerTick);
        _updated = now;
    }
}
