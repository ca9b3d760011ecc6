namespace PolicyBot.Discord.Gateway;

/// <summary>
/// Sliding-window send limit for one connection (Discord: 120 events per 60 s, else close 4008). Ordinary sends wait
/// once <c>limit - reserved</c> are used, so heartbeats always find a slot.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider timeProvider, int limit, TimeSpan window, int reservedForHeartbeats)
{
    private readonly Queue<long> _sent = new();
    private readonly Lock _lock = new();

    /// <summary>Waits for a free slot and takes it; returns how long it waited.</summary>
    public async ValueTask<TimeSpan> WaitAsync(bool isHeartbeat, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var wait = TryTake(isHeartbeat);
            if (wait <= TimeSpan.Zero) return waited;
            await Task.Delay(wait, timeProvider, cancellationToken);
            waited += wait;
        }
    }

    /// <summary>Takes a slot and returns zero, or returns how long until the oldest send leaves the window.</summary>
    private TimeSpan TryTake(bool isHeartbeat)
    {
        lock (_lock)
        {
            var now = timeProvider.GetTimestamp();
            while (_sent.Count > 0 && timeProvider.GetElapsedTime(_sent.Peek(), now) >= window) _sent.Dequeue();
            var cap = isHeartbeat ? limit : Math.Max(1, limit - reservedForHeartbeats);
            if (_sent.Count < cap)
            {
                _sent.Enqueue(now);
                return TimeSpan.Zero;
            }
            // The slot frees when the oldest of the first (count - cap + 1) sends leaves the window.
            var oldest = _sent.ElementAt(_sent.Count - cap);
            return window - timeProvider.GetElapsedTime(oldest, now) + TimeSpan.FromMilliseconds(1);
        }
    }
}
