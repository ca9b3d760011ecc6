using PolicyBot.Core.Answering;

namespace PolicyBot.Core.Retrieval;

/// <summary>What a question asks for, read from its words.</summary>
/// <param name="RetrievalQuery">The text searched: the question, joined with the previous user turn for a follow-up.</param>
/// <param name="IsTemporal">Asks about what is latest, current, in force or upcoming.</param>
public sealed record QueryAnalysis(
    string Question,
    string RetrievalQuery,
    bool IsFollowUp,
    bool IsTemporal,
    bool AsksForDate,
    bool AsksForFigure,
    bool IsComparison,
    bool IsTimeline,
    IReadOnlyList<string> ContentTerms)
{
    /// <summary>The content words of the question itself (without the previous turn of a follow-up).</summary>
    public IReadOnlyList<string> FocusTerms { get; init; } = ContentTerms;

    private static readonly string[] TemporalCues =
        ["latest", "current", "currently", "now", "still", "in force", "in effect", "today", "recent", "recently", "newest", "upcoming",
         "status", "anymore", "any more", "yet", "so far", "as of", "end up", "ended up", "actually apply", "these days", "right now", "2026"];
    private static readonly string[] DateCues =
        ["when", "date", "kick in", "take effect", "takes effect", "start", "begin", "deadline", "effective", "enter into force", "entered into force",
         "apply", "signed", "announced", "mandatory", "timeline", "sequence", "since"];
    private static readonly string[] FigureCues =
        ["how much", "how many", "rate", "threshold", "cutoff", "cut-off", "%", "percent", "budget", "amount", "price", "quota", "cap", "limit",
         "benchmark", "density", "capacity", "target", "spec", "purity", "floor", "money", "funding", "tariff", "duty", "value", "produce",
         "what is", "what's", "whats", "what did", "tell me about", "details", "overview", "summary", "incentive", "stake", "deal", "fund"];
    private static readonly string[] ComparisonCues = ["compare", "comparison", " vs", "versus", "difference", "differ", "higher", "lower", "same", "similar"];
    private static readonly string[] TimelineCues = ["timeline", "sequence", "chronolog", "history of", "since", "over time", "what happened", "events"];
    private static readonly string[] FollowUpStarts = ["and ", "so ", "ok ", "okay ", "what about", "how about", "also ", "but ", "then "];
    private static readonly HashSet<string> Anaphora = new(StringComparer.Ordinal) { "it", "that", "this", "those", "these", "they", "them", "its", "their", "there", "he", "she" };

    public static QueryAnalysis Analyse(string question, IReadOnlyList<ConversationTurn> history)
    {
        var q = " " + question.Trim().ToLowerInvariant() + " ";
        var previousUser = history.LastOrDefault(t => t.Role == ChatRole.User)?.Text;
        var words = TextTerms.Words(question).ToList();
        var contentTerms = TextTerms.ContentTerms(question);
        var isFollowUp = previousUser is not null &&
            (FollowUpStarts.Any(s => q.TrimStart().StartsWith(s, StringComparison.Ordinal)) || words.Any(Anaphora.Contains) || contentTerms.Count <= 3);
        var retrievalQuery = isFollowUp ? $"{previousUser} {question}" : question;

        return new QueryAnalysis(
            question,
            retrievalQuery,
            isFollowUp,
            IsTemporal: TemporalCues.Any(c => ContainsCue(q, c)),
            AsksForDate: DateCues.Any(c => ContainsCue(q, c)),
            AsksForFigure: FigureCues.Any(c => ContainsCue(q, c)),
            IsComparison: ComparisonCues.Any(c => ContainsCue(q, c)),
            IsTimeline: TimelineCues.Any(c => ContainsCue(q, c)),
            ContentTerms: isFollowUp ? TextTerms.ContentTerms(retrievalQuery) : contentTerms)
        {
            FocusTerms = contentTerms,
        };
    }

    // Whole-word match for word cues, substring for symbols and phrases with leading spaces.
    private static bool ContainsCue(string text, string cue) =>
        char.IsLetterOrDigit(cue[0])
            ? System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){System.Text.RegularExpressions.Regex.Escape(cue)}")
            : text.Contains(cue, StringComparison.Ordinal);
}
