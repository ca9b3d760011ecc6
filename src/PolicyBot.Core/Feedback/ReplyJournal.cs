using PolicyBot.Core.Conversations;

namespace PolicyBot.Core.Feedback;

/// <summary>The recent answers by reply key, so a feedback vote can be stored with its question and answer.</summary>
public sealed class ReplyJournal(int capacity = 5000)
{
    private readonly Dictionary<string, JournalEntry> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    public string Record(string conversationId, string question, ChatReply reply)
    {
        var key = Guid.NewGuid().ToString("N")[..16];
        lock (_gate)
        {
            _entries[key] = new JournalEntry(conversationId, question, reply.Text, reply.Citations.Select(c => c.DocumentId).Distinct().ToList());
            _order.Enqueue(key);
            while (_order.Count > capacity) _entries.Remove(_order.Dequeue());
        }
        return key;
    }

    public JournalEntry? Find(string? key)
    {
        if (key is null) return null;
        lock (_gate) return _entries.GetValueOrDefault(key);
    }
}

public sealed record JournalEntry(string ConversationId, string Question, string Answer, IReadOnlyList<string> CitedDocuments);
