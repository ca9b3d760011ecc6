using PolicyBot.Core.Answering;

namespace PolicyBot.Core.Conversations;

/// <summary>
/// Bounded in-process history: the last <see cref="TurnsPerConversation"/> turns of the most recently active
/// <see cref="MaxConversations"/> conversations. Lost on restart, which only costs a follow-up its context.
/// </summary>
public sealed class InMemoryConversationHistory(int maxConversations = 2000, int turnsPerConversation = 6) : IConversationHistory
{
    private readonly Dictionary<string, LinkedListNode<(string Id, List<ConversationTurn> Turns)>> _byId = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Id, List<ConversationTurn> Turns)> _recent = new();
    private readonly Lock _gate = new();

    public int MaxConversations => maxConversations;
    public int TurnsPerConversation => turnsPerConversation;

    public IReadOnlyList<ConversationTurn> Get(string conversationId)
    {
        lock (_gate)
            return _byId.TryGetValue(conversationId, out var node) ? [.. node.Value.Turns] : [];
    }

    public void Append(string conversationId, ConversationTurn question, ConversationTurn answer)
    {
        lock (_gate)
        {
            if (_byId.TryGetValue(conversationId, out var node)) _recent.Remove(node);
            else
            {
                node = new LinkedListNode<(string, List<ConversationTurn>)>((conversationId, []));
                _byId[conversationId] = node;
            }
            _recent.AddFirst(node);
            var turns = node.Value.Turns;
            turns.Add(question);
            turns.Add(answer);
            if (turns.Count > turnsPerConversation) turns.RemoveRange(0, turns.Count - turnsPerConversation);
            while (_byId.Count > maxConversations)
            {
                var oldest = _recent.Last!;
                _recent.RemoveLast();
                _byId.Remove(oldest.Value.Id);
            }
        }
    }
}
