using System.Collections.Concurrent;

namespace PolicyBot.Core.Embedded;

/// <summary>
/// How many passages each keyword-query term occurs in, counted once by FTS5 and remembered. An entry is trusted while
/// the index holds within 5 % of the passages it held when counted: which terms are "common" barely moves with one more
/// document, and a corpus that grows or shrinks more than that gets recounted.
/// </summary>
internal sealed class TermFrequencyCache
{
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, (long Passages, int IndexSize)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string term, int indexSize, out long passages)
    {
        if (_entries.TryGetValue(term, out var entry) && Math.Abs(indexSize - entry.IndexSize) <= indexSize / 20)
        {
            passages = entry.Passages;
            return true;
        }
        passages = 0;
        return false;
    }

    public void Set(string term, long passages, int indexSize)
    {
        // A crude bound: an index queried with very many distinct words starts over rather than growing without limit.
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[term] = (passages, indexSize);
    }
}
