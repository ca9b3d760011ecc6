using PolicyBot.Core.Ingestion;

namespace PolicyBot.Core.Retrieval;

/// <summary>
/// The last few hundred query embeddings, least recently used out first. A question asked again, and the previous
/// question that a follow-up searches once more, skip the embedding model (the largest part of an ask on CPU).
/// </summary>
internal sealed class QueryVectorCache(int capacity = QueryVectorCache.DefaultCapacity)
{
    public const int DefaultCapacity = 1024;

    private readonly Dictionary<string, LinkedListNode<(string Query, float[] Vector)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Query, float[] Vector)> _order = new();
    private readonly Lock _gate = new();

    public long Hits { get; private set; }
    public long Misses { get; private set; }

    public async Task<float[]> GetAsync(string query, IEmbedder embedder, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(query, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                Hits++;
                return node.Value.Vector;
            }
            Misses++;
        }
        var vector = (await embedder.EmbedAsync([query], cancellationToken))[0];
        lock (_gate)
        {
            if (_entries.ContainsKey(query)) return vector;
            _entries[query] = _order.AddFirst((query, vector));
            if (_entries.Count > capacity)
            {
                _entries.Remove(_order.Last!.Value.Query);
                _order.RemoveLast();
            }
        }
        return vector;
    }
}
