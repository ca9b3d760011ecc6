namespace PolicyBot.Teams.Connector;

/// <summary>One send at a time per conversation (so replies arrive in order and retries do not overtake); idle keys are dropped.</summary>
internal sealed class ConversationGate
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int ActiveConversations
    {
        get { lock (_entries) return _entries.Count; }
    }

    public async Task<IDisposable> EnterAsync(string conversationId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationId, out entry!)) _entries[conversationId] = entry = new Entry();
            entry.Users++;
        }
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(conversationId, entry);
            throw;
        }
        return new Turn(this, conversationId, entry);
    }

    private void Leave(string conversationId, Entry entry)
    {
        lock (_entries)
            if (--entry.Users == 0) _entries.Remove(conversationId);
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private sealed class Turn(ConversationGate gate, string conversationId, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            entry.Semaphore.Release();
            gate.Leave(conversationId, entry);
        }
    }
}
