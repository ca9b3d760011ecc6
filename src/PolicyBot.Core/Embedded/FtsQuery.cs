using System.Text.RegularExpressions;

namespace PolicyBot.Core.Embedded;

/// <summary>
/// Turns a user's words into a safe FTS5 query: word tokens only, each quoted, joined with OR.
/// Quotes, <c>*</c>, <c>-</c>, <c>NEAR(</c>, column filters and bare <c>AND</c>/<c>NOT</c> never reach FTS5 as syntax.
/// </summary>
internal static partial class FtsQuery
{
    public const int MaxTerms = 32;

    /// <summary>The quoted terms, or an empty list when the text has no words.</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var terms = new List<string>();
        var functionWords = new List<string>();
        foreach (Match match in WordPattern().Matches(text))
        {
            if (terms.Count == MaxTerms) break;
            if (!seen.Add(match.Value)) continue;
            // Tokens hold letters and digits only, so wrapping them in quotes needs no escaping.
            (FunctionWords.Contains(match.Value) ? functionWords : terms).Add($"\"{match.Value}\"");
        }
        // Only a question made of function words alone ("what is it") searches for them.
        return terms.Count > 0 ? terms : functionWords.Take(MaxTerms).ToList();
    }

    /// <summary>
    /// Words in nearly every passage. BM25 gives them almost no weight, but with OR each one makes FTS5 visit and score
    /// nearly every row, which on a large index costs more than the rest of the search.
    /// </summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "on", "in", "into", "to", "for", "from", "by", "with", "at", "as", "is", "are", "was",
        "were", "be", "been", "do", "does", "did", "has", "have", "had", "will", "would", "shall", "should", "can", "could", "may",
        "might", "it", "its", "this", "that", "these", "those", "there", "what", "which", "who", "whom", "when", "where", "why", "how",
        "i", "we", "you", "they", "he", "she", "me", "us", "my", "our", "your", "their", "them", "s",
    };

    /// <summary>The MATCH expression, or null when there is nothing to search for.</summary>
    public static string? Build(string? text)
    {
        var terms = Terms(text);
        return terms.Count == 0 ? null : string.Join(" OR ", terms);
    }

    // The unicode61 tokenizer's token characters (letters, numbers, private use) plus combining marks,
    // which it folds away with remove_diacritics. Anything inside quotes is safe except a quote.
    [GeneratedRegex(@"[\p{L}\p{N}\p{Co}\p{M}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
