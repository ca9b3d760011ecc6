using System.Text.RegularExpressions;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Answering;

/// <summary>
/// Keeps only <c>[n]</c> markers that refer to passages actually given, renumbers them in order of first use,
/// and builds one citation per cited passage.
/// </summary>
public static partial class CitationPostProcessor
{
    [GeneratedRegex(@"\[(\s*\d+\s*(?:[,;]\s*\d+\s*)*)\]")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"[ \t]+(?=[.,;:!?]|\r?\n|$)", RegexOptions.Multiline)]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"(?<=\S)[ \t]{2,}")]
    private static partial Regex RepeatedSpace();

    /// <returns>The text with valid, renumbered markers, and the citations in marker order. No citations means the text has no supported claim.</returns>
    public static (string Text, IReadOnlyList<Citation> Citations) Process(string text, IReadOnlyList<ScoredPassage> passages)
    {
        var renumber = new Dictionary<int, int>();
        var citations = new List<Citation>();
        var rewritten = MarkerPattern().Replace(text, match =>
        {
            var numbers = new List<int>();
            foreach (var part in match.Groups[1].Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(part.Trim(), out var n) || n < 1 || n > passages.Count) continue;
                if (!renumber.TryGetValue(n, out var number))
                {
                    number = renumber.Count + 1;
                    renumber[n] = number;
                    citations.Add(ToCitation(number, passages[n - 1]));
                }
                if (!numbers.Contains(number)) numbers.Add(number);
            }
            return string.Concat(numbers.Select(x => $"[{x}]"));
        });
        rewritten = RepeatedSpace().Replace(SpaceBeforePunctuation().Replace(rewritten, ""), " ").Trim();
        return (rewritten, citations);
    }

    /// <summary>Whether the text carries any <c>[n]</c> marker at all, valid or not.</summary>
    public static bool HasMarkers(string text) => MarkerPattern().IsMatch(text);

    private static Citation ToCitation(int number, ScoredPassage p) => new(
        number,
        p.Document.Id,
        p.Passage.Id,
        p.Document.Title,
        p.Document.Metadata.Jurisdiction,
        p.Document.Metadata.Announced,
        p.Document.Metadata.Effective,
        p.Document.Metadata.PrimarySource,
        p.Passage.Text);
}
