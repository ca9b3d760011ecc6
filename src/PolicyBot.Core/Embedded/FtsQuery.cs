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
        foreach (Match match in WordPattern().Matches(text))
        {
            if (terms.Count == MaxTerms) break;
            // Tokens hold letters and digits only, so wrapping them in quotes needs no escaping.
            if (seen.Add(match.Value)) terms.Add($"\"{match.Value}\"");
        }
        return terms;
    }

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
