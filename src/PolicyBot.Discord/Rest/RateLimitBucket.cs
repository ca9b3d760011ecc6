namespace PolicyBot.Discord.Rest;

/// <summary>
/// One Discord rate-limit bucket for one major parameter. <see cref="Gate"/> lets one request at a time through, so the next
/// request sees the Remaining/Reset-After of the previous response. State is read and written under the limiter's lock.
/// </summary>
internal sealed class RateLimitBucket(string key)
{
    /// <summary>"{bucket hash or route key}|{major parameter}".</summary>
    public string Key { get; } = key;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Requests holding or waiting for <see cref="Gate"/>; a bucket is only forgotten at zero.</summary>
    public int Users { get; set; }

    public int? Remaining { get; set; }

    /// <summary>When the bucket refills, on the limiter's monotonic clock.</summary>
    public TimeSpan ResetAt { get; set; }

    public TimeSpan DelayUntilReset(TimeSpan now) => Remaining == 0 && ResetAt > now ? ResetAt - now : TimeSpan.Zero;

    /// <summary>Nothing worth remembering: not in use and not waiting for a reset.</summary>
    public bool IsIdle(TimeSpan now) => Users == 0 && DelayUntilReset(now) == TimeSpan.Zero;
}
