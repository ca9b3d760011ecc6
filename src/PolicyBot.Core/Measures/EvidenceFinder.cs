using System.Text.RegularExpressions;

namespace PolicyBot.Core.Measures;

/// <summary>
/// Picks the one sentence of a document that best supports a statement, by keyword cues. Purely extractive: what is
/// shown comes from the sentence or from the document's own front matter, and every pick keeps its passage id.
/// </summary>
internal static partial class EvidenceFinder
{
    [GeneratedRegex(@"\b(threshold|at least|above|below|or more|or less|more than|less than|exceed\w*|minimum|maximum|up to|cap|purity|density|capacity)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThresholdCue();

    [GeneratedRegex(@"\b(licen[cs]e[sd]?|licensing|approval|approved by|permits?|requires?|required|requirements?|must|prohibit\w*|bann?ed|bans?|cannot|may not|not allowed|oblig\w+|due diligence|certif\w+|declarations?|tariffs?|dut(?:y|ies)|surtax)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ObligationCue();

    [GeneratedRegex(@"\b(cover\w*|includ\w*|appl(?:y|ies) to|scope|(?:tariffs?|dut(?:y|ies)|surtax|controls?|restrictions?|bans?|levy|licensing) on)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScopeCue();

    [GeneratedRegex(@"\b(list\w*|items?|products?|materials?|targets?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScopeHint();

    [GeneratedRegex(@"\b(issued|published|announced|adopted|signed|dated|released|unveiled|tabled|enacted|approved|initiated|proposed|hosted)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnnouncementCue();

    [GeneratedRegex(@"\b(takes? effect|took effect|entered into force|enters? into force|in force|effective|appl(?:y|ies) from|start\w*|began|begins?|from)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EffectCue();

    [GeneratedRegex(@"\b(in force|suspend\w*|suspension|remains?|lifted|repealed|terminat\w+|ended|postponed|expired?|proposed|approved|signed|announced|adopted|legislated|enacted|final|never|no longer|replaced)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatusCue();

    public static SourceSentence? Summary(DocumentText text) =>
        text.Sentences.FirstOrDefault(s => s.Text.Length >= 25 && !string.Equals(s.Text, text.Document.Title, StringComparison.OrdinalIgnoreCase))
        ?? text.Sentences.FirstOrDefault();

    /// <summary>The sentence with the most threshold figures (preferring ones about <paramref name="material"/>), and those figures.</summary>
    public static (SourceSentence Sentence, string Figures)? Threshold(DocumentText text, string? material)
    {
        var best = Best(text, s =>
        {
            var figures = Figures.Find(s.Text).Count;
            if (figures == 0) return 0;
            return Math.Min(figures, 3) + (ThresholdCue().IsMatch(s.Text) ? 1 : 0) + MaterialBonus(s.Text, material);
        });
        return best is null ? null : (best, string.Join("; ", Figures.Find(best.Text).Take(4)));
    }

    public static SourceSentence? Obligation(DocumentText text, string? material) =>
        Best(text, s => Distinct(ObligationCue(), s.Text, 3) is var cues and > 0 ? cues + MaterialBonus(s.Text, material) : 0);

    public static SourceSentence? Scope(DocumentText text, IReadOnlyList<string> materials, string? material) =>
        Best(text, s =>
        {
            var named = materials.Count(m => Mentions(s.Text, m));
            var cues = Distinct(ScopeCue(), s.Text, 2) + 0.5 * Distinct(ScopeHint(), s.Text, 2);
            return named == 0 || cues == 0 ? 0 : Math.Min(named, 3) * 0.5 + cues + MaterialBonus(s.Text, material);
        });

    /// <summary>The sentence stating <paramref name="date"/>, preferring one that says it is when the measure takes effect.</summary>
    public static SourceSentence? DateStated(DocumentText text, DateOnly date, bool monthPrecision) =>
        Best(text, s => TextDates.Mentions(s.Text, date, monthPrecision) ? 1 + (EffectCue().IsMatch(s.Text) ? 1 : 0) : 0);

    /// <summary>The sentence stating <paramref name="date"/>, preferring one that says the measure was issued or announced then.</summary>
    public static SourceSentence? AnnouncementStated(DocumentText text, DateOnly date, bool monthPrecision) =>
        Best(text, s => TextDates.Mentions(s.Text, date, monthPrecision) ? 1 + (AnnouncementCue().IsMatch(s.Text) ? 1 : 0) : 0);

    /// <summary>The sentence that best restates the front matter's status.</summary>
    public static SourceSentence? Status(DocumentText text, string status)
    {
        var statusStems = Retrieval.TextTerms.ContentTerms(status).Select(Retrieval.TextTerms.Stem).ToHashSet(StringComparer.Ordinal);
        var dates = TextDates.Find(status).Select(f => f.Date).ToHashSet();
        return Best(text, s =>
        {
            var stems = Retrieval.TextTerms.StemSet(s.Text);
            var overlap = statusStems.Count(stems.Contains);
            var sameDate = TextDates.Find(s.Text).Any(f => dates.Contains(f.Date)) ? 1.5 : 0;
            var cue = StatusCue().IsMatch(s.Text) ? 1 : 0;
            return overlap + sameDate < 2 ? 0 : overlap + sameDate + cue;
        });
    }

    // Sentences about other measures ("How it relates to other measures", "(us-aam-graphite-adcvd-2025)") count half.
    private static SourceSentence? Best(DocumentText text, Func<SourceSentence, double> score) =>
        text.Best(s => score(s) * (IsAside(s) ? 0.5 : 1));

    public static bool IsAside(SourceSentence s) =>
        s.Heading?.Contains("relate", StringComparison.OrdinalIgnoreCase) == true || DocumentIdLike().IsMatch(s.Text);

    [GeneratedRegex(@"\b[a-z]{2}-[a-z0-9]+(?:-[a-z0-9]+)+\b")]
    private static partial Regex DocumentIdLike();

    public static bool Mentions(string text, string phrase) =>
        phrase.Length >= 2 && text.Contains(phrase, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whole words only: "US" is not in "Australia", "China" is in "United States / China".</summary>
    public static bool MentionsWord(string? text, string phrase) =>
        text is not null && phrase.Length >= 2 && Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(phrase.Trim())}(?!\w)", RegexOptions.IgnoreCase);

    private static double MaterialBonus(string text, string? material) => material is not null && Mentions(text, material) ? 1.5 : 0;

    // "duty" and "duties", "licence" and "licensing" are one cue.
    private static int Distinct(Regex cue, string text, int cap) =>
        Math.Min(cap, cue.Matches(text).Select(m => m.Value.ToLowerInvariant().Replace('y', 'i')).Select(v => v[..Math.Min(4, v.Length)]).Distinct().Count());
}
