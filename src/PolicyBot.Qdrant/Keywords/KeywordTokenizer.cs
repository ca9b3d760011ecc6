using System.Globalization;
using System.Text;

namespace PolicyBot.Qdrant.Keywords;

/// <summary>
/// Splits text the way the embedded index's FTS5 tokenizer (<c>porter unicode61 remove_diacritics 2</c>) does, as closely
/// as is practical: diacritics folded, lower-cased, tokens are runs of letters, digits and private-use characters, and each
/// ASCII token of three or more letters is reduced by the Porter stemmer.
/// </summary>
/// <remarks>
/// Differences from FTS5: case folding is .NET's invariant lower-casing rather than unicode61's tables, accents are folded
/// for Latin-1 and Latin Extended-A letters only (unicode61 folds more scripts), and tokens with non-ASCII letters or digits
/// are not stemmed (FTS5 would run its byte-wise stemmer over them).
/// </remarks>
internal static class KeywordTokenizer
{
    /// <summary>Most distinct terms taken from a query, as in the embedded index.</summary>
    public const int MaxQueryTerms = 32;

    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return tokens;

        var token = new StringBuilder();
        foreach (var rune in Fold(text).EnumerateRunes())
        {
            if (IsTokenRune(rune))
            {
                token.Append(rune.ToString());
                continue;
            }
            if (token.Length > 0) tokens.Add(PorterStemmer.Stem(token.ToString()));
            token.Clear();
        }
        if (token.Length > 0) tokens.Add(PorterStemmer.Stem(token.ToString()));
        return tokens;
    }

    /// <summary>The distinct terms of a query, in order of first appearance, at most <see cref="MaxQueryTerms"/>.</summary>
    public static IReadOnlyList<string> QueryTerms(string? query)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var terms = new List<string>();
        foreach (var token in Tokenize(query))
        {
            if (terms.Count == MaxQueryTerms) break;
            if (seen.Add(token)) terms.Add(token);
        }
        return terms;
    }

    // remove_diacritics: lower-case, drop combining marks, and fold accented Latin letters to their base letter. The app runs
    // with invariant globalization (no ICU, so no Unicode normalisation), hence the table: Latin-1 and Latin Extended-A,
    // the letters unicode61 folds that European policy texts use.
    private static string Fold(string text)
    {
        var lower = text.ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            builder.Append(c is >= '\u00e0' and <= '\u017f' && BaseLetters.TryGetValue(c, out var folded) ? folded : c);
        }
        return builder.ToString();
    }

    private static readonly Dictionary<char, char> BaseLetters = BuildBaseLetters(
        ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ďđ"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"), ("h", "ĥħ"),
        ("i", "ìíîïĩīĭįı"), ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŉ"), ("o", "òóôõöøōŏő"),
        ("r", "ŕŗř"), ("s", "śŝşš"), ("t", "ţťŧ"), ("u", "ùúûüũūŭůűų"), ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"));

    private static Dictionary<char, char> BuildBaseLetters(params (string Base, string Accented)[] groups)
    {
        var map = new Dictionary<char, char>();
        foreach (var (letter, accented) in groups)
            foreach (var c in accented) map[c] = letter[0];
        return map;
    }

    private static bool IsTokenRune(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
        UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or
        UnicodeCategory.PrivateUse;
}
