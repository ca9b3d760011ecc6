namespace PolicyBot.Teams.Connector;

/// <summary>
/// Per-conversation pacing: keeps each conversation under every <see cref="RateWindow"/> (by default Teams' documented
/// per-bot, per-thread limits) by handing out send slots. Conversations never wait for each other.
/// </summary>
public sealed class ConversationRateLimiter
{
    private const int SweepEvery = 1024;

    private readonly TimeProvider _timeProvider;
    private readonly IReadOnlyList<RateWindow> _windows;
    private readonly TimeSpan _longestWindow;
    private readonly Dictionary<string, List<DateTimeOffset>> _slots = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _reservations;

    public ConversationRateLimiter(TimeProvider timeProvider, IReadOnlyList<RateWindow>? windows = null)
    {
        _timeProvider = timeProvider;
        _windows = windows ?? ConnectorLimits.PerConversationWindows;
        if (_windows.Count == 0 || _windows.Any(w => w.Length <= TimeSpan.Zero || w.MaxOperations < 1))
            throw new ArgumentException("Each rate window needs a positive length and at least one operation.", nameof(windows));
        _longestWindow = _windows.Max(w => w.Length);
    }

    /// <summary>Conversations with slots still inside the longest window (for tests and diagnostics).</summary>
    public int TrackedConversations
    {
        get { lock (_lock) return _slots.Count; }
    }

    /// <summary>
    /// Books the next send slot for <paramref name="conversationId"/> and returns how long to wait until it starts
    /// (zero when the conversation is under all its limits). Callers that serialize sends per conversation get slots in order.
    /// </summary>
    public TimeSpan Reserve(string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (++_reservations % SweepEvery == 0) Sweep(now);
            if (!_slots.TryGetValue(conversationId, out var slots)) _slots[conversationId] = slots = [];
            Prune(slots, now);

            // Every window gives a lower bound: the slot MaxOperations back must have left the window.
            var start = slots.Count > 0 && slots[^1] > now ? slots[^1] : now;
            foreach (var window in _windows)
            {
                if (slots.Count < window.MaxOperations) continue;
                var bound = slots[slots.Count - window.MaxOperations] + window.Length;
                if (bound > start) start = bound;
            }
            slots.Add(start);
            return start - now;
        }
    }

    private void Prune(List<DateTimeOffset> slots, DateTimeOffset now)
    {
        var expired = 0;
        while (expired < slots.Count && slots[expired] <= now - _longestWindow) expired++;
        if (expired > 0) slots.RemoveRange(0, expired);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (conversationId, slots) in _slots.ToList())
        {
            Prune(slots, now);
            if (slots.Count == 0) _slots.Remove(conversationId);
        }
    }
}
