using System.Text.RegularExpressions;
using PolicyBot.Core.Ingestion.Chunking;

namespace PolicyBot.Core.Measures;

/// <summary>
/// The threshold figures a document states — shares, de minimis levels, values, tonnages, performance limits — each with what it
/// is a share of when the text says so: "0.1%", "25 percent", "$7,500", "60 percent of battery components". Taken from the text
/// at ingestion and kept in the document's metadata, so a later version can be compared with it ("threshold: 50 percent → 60 percent")
/// even though the old passages are gone.
/// </summary>
public static partial class ThresholdFacts
{
    /// <summary>Enough for any policy document in the corpus; a long statistical annex is cut here rather than bloating the history.</summary>
    public const int MaxFacts = 40;

    private const int MaxContextWords = 4;

    // Words that end the "of ..." phrase: verbs and connectives, where the object of the share is over.
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "be", "been", "must", "shall", "will", "may", "should", "can", "from", "in", "for", "by", "and", "or",
        "that", "which", "to", "on", "with", "as", "under", "at", "of", "if", "than", "per", "its", "their", "a", "an",
        "need", "needs", "require", "requires", "required", "apply", "applies", "have", "has", "qualify", "qualifies", "count", "counts",
        "made", "produced", "manufactured", "assembled", "sourced", "extracted", "processed", "originating", "exported", "imported",
    };

    [GeneratedRegex(@"^\s+of\s+(?<phrase>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,5})")]
    private static partial Regex OfPhrase();

    /// <summary>Distinct facts in reading order (case-insensitive), at most <see cref="MaxFacts"/>.</summary>
    public static IReadOnlyList<string> Extract(IEnumerable<string> texts)
    {
        var facts = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sentence in texts.SelectMany(SentenceSplitter.Split))
        {
            foreach (var (figure, end) in Figures.Locate(sentence))
            {
                var fact = Normalize(figure + Context(sentence[end..]));
                if (seen.Add(fact)) facts.Add(fact);
                if (facts.Count == MaxFacts) return facts;
            }
        }
        return facts;
    }

    /// <summary>How two stated lists differ: the facts only before and only after (empty lists when they agree).</summary>
    public static (IReadOnlyList<string> Gone, IReadOnlyList<string> New) Difference(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var a = before.Select(Normalize).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var b = after.Select(Normalize).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ([.. before.Where(f => !b.Contains(Normalize(f)))], [.. after.Where(f => !a.Contains(Normalize(f)))]);
    }

    private static string Context(string rest)
    {
        var match = OfPhrase().Match(rest);
        if (!match.Success) return "";
        var words = match.Groups["phrase"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .TakeWhile(w => !StopWords.Contains(w)).Take(MaxContextWords).ToList();
        return words.Count == 0 || words.All(w => w.Equals("the", StringComparison.OrdinalIgnoreCase)) ? "" : " of " + string.Join(' ', words);
    }

    private static string Normalize(string fact) => string.Join(' ', fact.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
