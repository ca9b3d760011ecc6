using System.Text.RegularExpressions;

namespace PolicyBot.Core.Retrieval;

/// <summary>Word-level helpers shared by query analysis and the extractive composer.</summary>
public static partial class TextTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a","an","the","and","or","but","if","of","on","in","into","to","for","from","by","with","without","at","as","about","than","then",
        "is","are","was","were","be","been","being","am","do","does","did","done","doing","have","has","had","having","will","would","shall",
        "should","can","could","may","might","must","it","its","it's","this","that","these","those","there","their","they","them","he","she",
        "we","you","your","our","us","i","me","my","mine","what","whats","what's","which","who","whom","whose","when","where","why","how",
        "any","all","some","such","so","not","no","yes","also","just","only","very","too","more","most","much","many","get","got","gets",
        "tell","give","show","explain","summarize","summarise","describe","know","please","pls","plz","thanks","ok","okay","hey","hi","actually",
        "really","up","out","over","under","again","still","now","right","exactly","though","end","ended","anything","something","thing","things",
        "vs","versus","like","etc","via","per","each","other","same","between","both","either","whether","one","ones","s","t","re","ll","ve",
        "d","m","kind","sort","lot","way","ways","mean","means","say","says","said","want","need","new","latest","current","currently",
        "happen","happened","come","came","go","going","let","lets","let's","compare","difference","differ","detail","details","info",
        "year","years","anyone","someone","guys","folks",
    };

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[.'’/][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary>Lower-case word tokens ("U.S." → "u.s", "g/cm3" → "g/cm3").</summary>
    public static IEnumerable<string> Words(string text)
    {
        foreach (Match m in WordPattern().Matches(text))
            yield return m.Value.ToLowerInvariant().Replace('’', '\'');
    }

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>The distinct content words of a question, stemmed.</summary>
    public static IReadOnlyList<string> ContentTerms(string text) =>
        Words(text).Where(w => !IsStopWord(w) && (w.Length > 1 || char.IsDigit(w[0]))).Select(Stem).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A light suffix stripper: enough to match "controls" with "control" and "licences" with "licence".</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || word.Any(char.IsDigit)) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5) return word[..^3];
        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4) return word[..^2];
        if (word.EndsWith("es", StringComparison.Ordinal) && word.Length > 4 && ("sxz".Contains(word[^3]) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal))) return word[..^2];
        // "focus", "status", "basis" are not plurals.
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal)) return word[..^1];
        return word;
    }

    /// <summary>The stemmed words of a text, for membership tests.</summary>
    public static HashSet<string> StemSet(string text) => Words(text).Select(Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="term"/> (stemmed) occurs in <paramref name="stems"/>, allowing one typo in long words.</summary>
    public static bool Occurs(string term, HashSet<string> stems)
    {
        if (stems.Contains(term)) return true;
        if (term.Length < 5) return false;
        foreach (var s in stems)
        {
            if (term.Length >= 6 && Math.Abs(s.Length - term.Length) <= 1 && s.Length >= 5 && s[0] == term[0] && WithinOneEdit(s, term)) return true;
            // "export" vs "exporters": a word that extends the other by a suffix counts.
            var (shorter, longer) = s.Length <= term.Length ? (s, term) : (term, s);
            if (shorter.Length >= 5 && longer.StartsWith(shorter, StringComparison.Ordinal)) return true;
            // "spheroidized" vs "spheroidised", "licence" vs "licensing": a shared long prefix counts.
            if (s.Length >= 7 && term.Length >= 7 && s.AsSpan(0, 6).SequenceEqual(term.AsSpan(0, 6))) return true;
        }
        return false;
    }

    private static bool WithinOneEdit(string a, string b)
    {
        if (a.Length > b.Length) (a, b) = (b, a);
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length == b.Length) { i++; j++; }
            else j++;
        }
        return edits + (b.Length - j) + (a.Length - i) <= 1;
    }
}
