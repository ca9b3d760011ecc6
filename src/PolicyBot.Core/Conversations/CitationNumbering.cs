using PolicyBot.Core.Answering;
using PolicyBot.Core.Measures;

namespace PolicyBot.Core.Conversations;

/// <summary>Gives each quoted passage sentence one number, in order of first use, so every [n] in a reply resolves.</summary>
internal sealed class CitationNumbering
{
    private readonly List<Citation> _citations = [];
    private readonly Dictionary<(string PassageId, string Quote), int> _numbers = [];

    public IReadOnlyList<Citation> Citations => _citations;

    public int Number(Evidence evidence, Measure measure)
    {
        if (_numbers.TryGetValue((evidence.PassageId, evidence.Quote), out var n)) return n;
        n = _citations.Count + 1;
        _citations.Add(new Citation(n, evidence.DocumentId, evidence.PassageId, measure.Title, measure.Jurisdiction,
            measure.AnnouncedText, measure.EffectiveText, measure.Url, evidence.Quote));
        _numbers[(evidence.PassageId, evidence.Quote)] = n;
        return n;
    }
}
