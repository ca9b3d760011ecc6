namespace PolicyBot.Discord.Rest;

/// <summary>
/// At most <c>limit</c> sends in any <c>window</c> (Discord: 50 per second per bot). Each caller reserves a send time,
/// so concurrent callers get distinct slots: the n-th reservation is never earlier than the (n - limit)-th plus the window.
/// </summary>
internal sealed class GlobalRateWindow(int limit, TimeSpan window)
{
    private readonly Queue<TimeSpan> _reserved = new(limit);
    private readonly Lock _lock = new();
    private TimeSpan _last;

    public int Limit => limit;

    /// <summary>Reserves the earliest allowed send time at or after <paramref name="now"/> and returns how long to wait for it.</summary>
    public TimeSpan Reserve(TimeSpan now)
    {
        lock (_lock)
        {
            var at = now > _last ? now : _last;
            if (_reserved.Count == limit)
            {
                var earliest = _reserved.Dequeue() + window;
                if (earliest > at) at = earliest;
            }

            _reserved.Enqueue(at);
            _last = at;
            return at - now;
        }
    }
}
