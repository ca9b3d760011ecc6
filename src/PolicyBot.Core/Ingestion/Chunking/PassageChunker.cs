using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Ingestion.Chunking;

/// <summary>
/// Cuts a document into passages: whole sentences packed up to <see cref="ChunkingOptions.MaxTokens"/>, never across a
/// section boundary, each new passage of a section repeating the previous passage's last sentence when it is short
/// (<see cref="ChunkingOptions.OverlapTokens"/>). A sentence over budget is split at word boundaries.
/// The same document always gives the same passages and ids.
/// </summary>
public sealed class PassageChunker
{
    private readonly Func<string, int> _countTokens;
    private readonly ChunkingOptions _options;

    /// <param name="countTokens">The embedding model's token counter; defaults to <see cref="ApproximateTokenCounter"/>.</param>
    public PassageChunker(Func<string, int>? countTokens = null, ChunkingOptions? options = null)
    {
        _countTokens = countTokens ?? ApproximateTokenCounter.Count;
        _options = options ?? new ChunkingOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxTokens, 1, "options.MaxTokens");
        ArgumentOutOfRangeException.ThrowIfNegative(_options.OverlapTokens, "options.OverlapTokens");
    }

    public IReadOnlyList<Passage> Chunk(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var passages = new List<Passage>();
        foreach (var section in document.Sections)
        {
            foreach (var text in ChunkSection(section.Text))
            {
                var ordinal = passages.Count;
                passages.Add(new Passage(Passage.MakeId(document.Id, ordinal), document.Id, ordinal, section.Heading, text));
            }
        }
        return passages;
    }

    private IEnumerable<string> ChunkSection(string text)
    {
        var current = new List<Unit>();
        var tokens = 0;
        var hasNewText = false; // false while the passage holds only overlap
        foreach (var unit in Units(text))
        {
            if (current.Count > 0 && tokens + unit.Tokens > _options.MaxTokens)
            {
                if (hasNewText) yield return Join(current);
                current = Overlap(current[^1], unit);
                tokens = current.Sum(u => u.Tokens);
                hasNewText = false;
            }
            current.Add(unit);
            tokens += unit.Tokens;
            hasNewText = true;
        }
        if (hasNewText) yield return Join(current);
    }

    private List<Unit> Overlap(Unit last, Unit next) =>
        last.Tokens <= _options.OverlapTokens && last.Tokens + next.Tokens <= _options.MaxTokens ? [last] : [];

    private IEnumerable<Unit> Units(string text)
    {
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var tokens = _countTokens(sentence);
            if (tokens <= _options.MaxTokens) yield return new Unit(sentence, tokens);
            else foreach (var piece in SplitAtWords(sentence)) yield return piece;
        }
    }

    // Greedy packing of words; a single word over budget is cut into MaxTokens-character slices,
    // which no word-piece tokenizer counts as more than MaxTokens tokens.
    private IEnumerable<Unit> SplitAtWords(string sentence)
    {
        var words = new List<string>();
        var tokens = 0;
        foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(SliceOversized))
        {
            var wordTokens = _countTokens(word);
            if (words.Count > 0 && tokens + wordTokens > _options.MaxTokens)
            {
                yield return MakeUnit(words);
                words.Clear();
                tokens = 0;
            }
            words.Add(word);
            tokens += wordTokens;
        }
        if (words.Count > 0) yield return MakeUnit(words);
    }

    private IEnumerable<string> SliceOversized(string word)
    {
        if (_countTokens(word) <= _options.MaxTokens)
        {
            yield return word;
            yield break;
        }
        for (var start = 0; start < word.Length; start += _options.MaxTokens)
        {
            yield return word.Substring(start, Math.Min(_options.MaxTokens, word.Length - start));
        }
    }

    private Unit MakeUnit(List<string> words)
    {
        var text = string.Join(' ', words);
        return new Unit(text, _countTokens(text));
    }

    private static string Join(List<Unit> units) => string.Join(' ', units.Select(u => u.Text));

    private sealed record Unit(string Text, int Tokens);
}
