using System.Text.RegularExpressions;

namespace PolicyBot.Core.Ingestion.Chunking;

/// <summary>
/// Splits text into sentences: after <c>. ! ?</c> (with any closing quotes or brackets) followed by whitespace and a
/// capital, digit or opening quote; and at every line break, since readers put each paragraph, list item and
/// heading on a line of its own. Abbreviations ("No. 58", "U.S. Treasury", "e.g. cobalt"), initials and
/// enumerators ("1. Scope") do not end a sentence; decimals ("2.5 g/cm3", "99.9%") never have a space to split at.
/// </summary>
public static partial class SentenceSplitter
{
    // Never end a sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "cf", "al", "vs", "v", "approx", "est", "incl", "esp",
        "inc", "corp", "co", "ltd", "llc", "plc", "bros",
        "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "hon", "gen", "sen", "rep", "gov", "govt", "dept",
    };

    // End a sentence unless a number follows: "No. 58", "Art. 3", "Oct. 9", but "The answer is no. The ministry...".
    private static readonly HashSet<string> BeforeNumbers = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "nos", "art", "arts", "sec", "secs", "para", "paras", "ch", "fig", "figs", "vol", "p", "pp", "reg", "regs", "op",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    /// <summary>The sentences of <paramref name="text"/>, trimmed, whitespace collapsed, none empty.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                Add(sentences, text[start..i]);
                start = ++i;
                continue;
            }
            if (c is not ('.' or '!' or '?' or '…'))
            {
                i++;
                continue;
            }
            var end = i + 1;
            while (end < text.Length && text[end] is '.' or '!' or '?' or '…') end++;
            var closersStart = end;
            while (end < text.Length && IsCloser(text[end])) end++;
            if (EndsSentence(text, start, i, closersStart, end))
            {
                Add(sentences, text[start..end]);
                start = end;
            }
            i = end;
        }
        Add(sentences, text[start..]);
        return sentences;
    }

    private static bool EndsSentence(string text, int start, int mark, int closersStart, int end)
    {
        if (end >= text.Length) return true;
        var next = text[end];
        if (!char.IsWhiteSpace(next))
        {
            // "...in the critical minerals space.”These developments" (a missing space after a closing quote).
            return end > closersStart && char.IsUpper(next);
        }

        var j = end;
        while (j < text.Length && text[j] is ' ' or '\t' or '\u00A0') j++;
        if (j >= text.Length || text[j] is '\n' or '\r') return true;
        next = text[j];
        if (!(char.IsUpper(next) || char.IsDigit(next) || IsOpener(next))) return false;

        // Only a lone period can belong to an abbreviation; "?!" and "..." end the sentence.
        if (text[mark] != '.' || closersStart != mark + 1) return true;
        var token = LastToken(text, start, mark);
        if (token.Length == 0) return true;
        if (Abbreviations.Contains(token) || BeforeNumbers.Contains(token) && char.IsDigit(next)) return false;
        if (token.Length == 1 && char.IsLetter(token[0])) return false; // an initial: "J. Smith"
        if (DottedInitials().IsMatch(token)) return false;             // "U.S", "U.K", "e.g"
        return !Enumerator().IsMatch(text[start..mark].Trim());         // "1. Scope", "(a). ", "iv."
    }

    private static string LastToken(string text, int start, int mark)
    {
        var tokenStart = mark;
        while (tokenStart > start && !char.IsWhiteSpace(text[tokenStart - 1])) tokenStart--;
        return text[tokenStart..mark].TrimStart('(', '[', '"', '\'', '“', '‘');
    }

    private static void Add(List<string> sentences, string candidate)
    {
        var sentence = Whitespace().Replace(candidate, " ").Trim();
        if (sentence.Length > 0) sentences.Add(sentence);
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '»';

    private static bool IsOpener(char c) => c is '"' or '\'' or '“' or '‘' or '(' or '[' or '«';

    [GeneratedRegex(@"^(?:[A-Za-z]\.)+[A-Za-z]$")]
    private static partial Regex DottedInitials();

    [GeneratedRegex(@"^\(?(?:\d{1,3}|[A-Za-z]|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})\)?$")]
    private static partial Regex Enumerator();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
