using System.Text.RegularExpressions;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Answering;

/// <param name="Matched">Weight of the question's words found in the sentence.</param>
/// <param name="Total">Matched plus bonuses for the dates or figures the question asks for.</param>
internal readonly record struct SentenceScore(double Matched, double Total);

/// <summary>
/// Scores a passage sentence against a question: the question's own words count most, words of the earlier turn of a
/// follow-up a little, acronyms match their spelled-out form, and sentences with the dates or figures asked for rank higher.
/// </summary>
internal sealed partial class SentenceScorer
{
    private const double FocusWeight = 1.0, ContextWeight = 0.4, LongWordBonus = 0.2, DateBonus = 0.6, FigureBonus = 0.8, AnyFigureBonus = 0.25;

    /// <summary>Words a policy question uses for what documents say in other words.</summary>
    private static readonly Dictionary<string, string[]> Synonyms = new(StringComparer.Ordinal)
    {
        ["budget"] = ["outlay", "spending", "funding", "billion", "crore", "million"],
        ["money"] = ["outlay", "spending", "funding", "billion", "crore", "million", "fund"],
        ["cost"] = ["outlay", "billion", "million"],
        ["rate"] = ["duty", "tariff", "percent", "%"],
        ["cutoff"] = ["threshold", "least", "above"],
        ["threshold"] = ["least", "above", "minimum", "cap"],
        ["start"] = ["effective", "took", "from", "since"],
        ["kick"] = ["effect", "effective"],
        ["begin"] = ["effective", "from"],
        ["binding"] = ["binding", "legally"],
        ["ban"] = ["prohibit", "prohibition", "banned"],
        ["licence"] = ["license", "licensing"],
        ["license"] = ["licence", "licensing"],
        ["produce"] = ["production", "capacity", "tonne", "output"],
        ["deal"] = ["agreement", "partnership"],
    };

    [GeneratedRegex(@"\b(19|20)\d{2}\b|\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)\b")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();

    [GeneratedRegex(@"\b([A-Z][\p{L}-]*(?:\s+(?:of|and|for|on|the|to|in|[A-Z][\p{L}-]*)){1,8})\s+\(([A-Z][A-Za-z0-9/&-]{1,11})\)")]
    private static partial Regex DefinedAcronym();

    private readonly QueryAnalysis _query;
    private readonly Dictionary<string, HashSet<string>> _acronyms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _spread = new(StringComparer.Ordinal);

    /// <param name="sentences">All candidate sentences of the document, to learn which question words are everywhere in it.</param>
    public SentenceScorer(QueryAnalysis query, IReadOnlyList<string> sentences, DocumentRecord document)
    {
        _query = query;
        foreach (Match m in DefinedAcronym().Matches(document.Title + " " + string.Join(' ', sentences)))
            _acronyms.TryAdd(m.Groups[2].Value.ToLowerInvariant(), TextTerms.StemSet(m.Groups[1].Value));
        var stemSets = sentences.Select(TextTerms.StemSet).ToList();
        foreach (var term in query.ContentTerms)
            _spread[term] = stemSets.Count == 0 ? 0 : stemSets.Count(stems => Matches(term, stems, "")) / (double)stemSets.Count;
    }

    public SentenceScore Score(string sentence)
    {
        var stems = TextTerms.StemSet(sentence);
        double matched = 0;
        foreach (var term in _query.ContentTerms)
        {
            var weight = _query.FocusTerms.Contains(term) ? FocusWeight : ContextWeight;
            if (term.Length >= 6 || term.Any(char.IsDigit)) weight += LongWordBonus;
            // A word found in most of the document's sentences ("the JDI", "critical minerals") says little about which sentence answers.
            weight *= 1 - 0.7 * _spread.GetValueOrDefault(term);
            if (Matches(term, stems, sentence)) matched += weight;
        }

        var total = matched;
        var hasDate = DatePattern().IsMatch(sentence);
        var hasFigure = Digit().IsMatch(sentence);
        if (hasDate && (_query.AsksForDate || _query.IsTemporal || _query.IsTimeline)) total += DateBonus;
        if (hasFigure && _query.AsksForFigure) total += FigureBonus;
        else if (hasFigure && matched > 0) total += AnyFigureBonus;
        if (sentence.Length > 400) total -= 0.5;
        return new SentenceScore(matched, Math.Max(total, 0));
    }

    private bool Matches(string term, HashSet<string> stems, string sentence)
    {
        if (TextTerms.Occurs(term, stems)) return true;
        if (_acronyms.TryGetValue(term, out var expansion) && expansion.Count(stems.Contains) >= Math.Max(2, expansion.Count - 1)) return true;
        return Synonyms.TryGetValue(term, out var alternatives)
            && alternatives.Any(a => a == "%" ? sentence.Contains('%') : stems.Contains(TextTerms.Stem(a)));
    }
}
