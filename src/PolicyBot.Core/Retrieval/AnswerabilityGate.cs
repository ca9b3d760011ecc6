using System.Text.RegularExpressions;

namespace PolicyBot.Core.Retrieval;

/// <summary>
/// Decides whether retrieved passages can answer a question: the best dense similarity must clear a floor, and unless it is
/// confidently high, most of the question's content words (names and acronyms count double) must occur in the passages.
/// </summary>
public static partial class AnswerabilityGate
{
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[.'’/-][\p{L}\p{N}]+)*")]
    private static partial Regex RawWord();

    /// <summary>The best coverage of the question's words by any single passage (with its document's title and metadata).</summary>
    public static double BestPassageCoverage(string question, IEnumerable<ScoredPassage> passages) =>
        passages.Select(p => TermCoverage(question, [p])).DefaultIfEmpty(0).Max();

    public static double TermCoverage(string question, IEnumerable<ScoredPassage> passages)
    {
        var haystack = new System.Text.StringBuilder();
        foreach (var p in passages)
        {
            var m = p.Document.Metadata;
            haystack.Append(p.Document.Title).Append(' ').Append(p.Passage.Heading).Append(' ').Append(p.Passage.Text).Append(' ')
                .Append(m.Jurisdiction).Append(' ').Append(m.IssuingBody).Append(' ').Append(string.Join(' ', m.Materials)).Append(' ');
        }
        var text = haystack.ToString();
        var stems = TextTerms.StemSet(text);

        double total = 0, found = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        foreach (Match raw in RawWord().Matches(question))
        {
            var isFirst = first;
            first = false;
            foreach (var word in TextTerms.Words(raw.Value))
            {
                if (TextTerms.IsStopWord(word) || (word.Length < 2 && !char.IsDigit(word[0]))) continue;
                var term = TextTerms.Stem(word);
                if (!seen.Add(term)) continue;
                var weight = IsSpecific(raw.Value, isFirst) ? 2.0 : 1.0;
                total += weight;
                var present = IsAcronym(raw.Value)
                    ? Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(raw.Value)}(?![\p{{L}}\p{{N}}])")
                    : TextTerms.Occurs(term, stems) || ParticipatesInCompound(word, stems);
                if (present) found += weight;
            }
        }
        return total == 0 ? 0 : found / total;
    }

    // "Canada–Germany" or "AD/CVD" split into parts that may each occur.
    private static bool ParticipatesInCompound(string word, HashSet<string> stems) =>
        word.Contains('/') && word.Split('/').All(part => part.Length == 0 || stems.Contains(TextTerms.Stem(part)));

    // "CHIPS" in a question names something; the word "chips" in a passage is not it. Acronyms must match as written.
    private static bool IsAcronym(string raw) => raw.Length >= 3 && raw.All(c => char.IsUpper(c) || char.IsDigit(c)) && raw.Count(char.IsUpper) >= 3;

    // Proper nouns, acronyms and figures say what a question is about; missing ones weigh more.
    private static bool IsSpecific(string raw, bool isFirstWord) =>
        raw.Any(char.IsDigit)
        || (raw.Length >= 2 && raw.Count(char.IsUpper) >= 2)
        || (!isFirstWord && char.IsUpper(raw[0]));
}
