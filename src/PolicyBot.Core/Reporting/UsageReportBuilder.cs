using PolicyBot.Core.Domain;
using PolicyBot.Core.Feedback;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Reporting;

/// <summary>
/// Builds the operators' report from the question log and the feedback votes: counts and rates, then the refused and
/// not-helpful questions embedded with the configured embedder and grouped by similarity, each group with the nearest indexed documents.
/// </summary>
/// <param name="index">Where to look for the documents nearest each group; the report has none when null.</param>
public sealed class UsageReportBuilder(IQuestionLog questions, IFeedbackStore feedback, IEmbedder embedder, IPassageIndex? index = null)
{
    /// <summary>Gap questions beyond this (the most recent distinct ones are kept) are counted but not clustered.</summary>
    public const int MaxClusteredQuestions = 5000;

    public const int ExamplesPerCluster = 3, TermsPerCluster = 4, NearestPerCluster = 3;

    public async Task<UsageReport> BuildAsync(DateTimeOffset? since, int maxClusters, double threshold, CancellationToken cancellationToken)
    {
        var asked = await questions.ListAsync(since, cancellationToken);
        var votes = FeedbackVotes.LatestPerVoter(await feedback.ListAsync(since, cancellationToken));
        var refused = asked.Count(q => q.Refused);
        var helpful = votes.Count(v => v.Helpful);
        var platforms = asked.Select(q => q.Platform).Concat(votes.Select(v => v.Platform)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(p => new PlatformUsage(p, asked.Count(q => q.Platform == p), asked.Count(q => q.Platform == p && q.Refused),
                votes.Count(v => v.Platform == p && v.Helpful), votes.Count(v => v.Platform == p && !v.Helpful)))
            .ToList();

        var gaps = GapQuestions(asked, votes);
        var clusters = await ClusterAsync(gaps, maxClusters, threshold, cancellationToken);
        return new UsageReport(since, asked.Count, refused, Rate(refused, asked.Count), helpful, votes.Count - helpful, Rate(votes.Count - helpful, votes.Count),
            platforms, gaps.Sum(g => g.Count), clusters);
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(part / (double)whole, 4);

    /// <summary>Refused questions and questions whose answer was voted not helpful, repeats merged (case and spacing ignored).</summary>
    private static List<GapQuestion> GapQuestions(IReadOnlyList<QuestionRecord> asked, IReadOnlyList<FeedbackRecord> votes)
    {
        var byText = new Dictionary<string, GapQuestion>(StringComparer.Ordinal);
        GapQuestion For(string text, DateTimeOffset at)
        {
            var key = Normalise(text);
            if (!byText.TryGetValue(key, out var gap)) byText[key] = gap = new GapQuestion(text.Trim());
            gap.Last = at > gap.Last ? at : gap.Last;
            return gap;
        }
        foreach (var q in asked.Where(q => q.Refused)) For(q.Question, q.At).Refused++;
        foreach (var v in votes.Where(v => !v.Helpful && !string.IsNullOrWhiteSpace(v.Question)))
        {
            var gap = For(v.Question!, v.At);
            gap.NotHelpful++;
            if (!string.IsNullOrWhiteSpace(v.Reason)) gap.Reasons.Add(v.Reason.Trim());
        }
        // Most recent first when capping, then a stable order (oldest first) for clustering.
        return byText.Values.OrderByDescending(g => g.Last).ThenBy(g => g.Text, StringComparer.Ordinal).Take(MaxClusteredQuestions)
            .OrderBy(g => g.Last).ThenBy(g => g.Text, StringComparer.Ordinal).ToList();
    }

    private static string Normalise(string text) => string.Join(' ', text.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<IReadOnlyList<QuestionCluster>> ClusterAsync(List<GapQuestion> gaps, int maxClusters, double threshold, CancellationToken cancellationToken)
    {
        if (gaps.Count == 0 || maxClusters < 1) return [];
        var vectors = new List<float[]>(gaps.Count);
        foreach (var batch in gaps.Chunk(64))
            vectors.AddRange(await embedder.EmbedAsync(batch.Select(g => g.Text).ToList(), cancellationToken));

        var clusters = new List<QuestionCluster>();
        foreach (var members in QuestionClusterer.Cluster(vectors, threshold, gaps.Select(g => g.Count).ToList()).Take(maxClusters))
        {
            var centroid = QuestionClusterer.Centroid(members.Select(i => vectors[i]));
            var ranked = members.OrderByDescending(i => QuestionClusterer.Cosine(vectors[i], centroid)).ThenBy(i => i).Select(i => gaps[i]).ToList();
            clusters.Add(new QuestionCluster(
                ranked[0].Text,
                ranked.Sum(g => g.Count),
                ranked.Sum(g => g.Refused),
                ranked.Sum(g => g.NotHelpful),
                ranked.Skip(1).Take(ExamplesPerCluster).Select(g => g.Text).ToList(),
                ranked.SelectMany(g => g.Reasons).Distinct(StringComparer.OrdinalIgnoreCase).Take(ExamplesPerCluster).ToList(),
                TopTerms(ranked),
                await NearestAsync(centroid, cancellationToken)));
        }
        return clusters;
    }

    private static List<string> TopTerms(List<GapQuestion> group) =>
        group.SelectMany(g => TextTerms.Words(g.Text).Where(w => w.Length > 2 && !TextTerms.IsStopWord(w)).Distinct(StringComparer.Ordinal)
                .Select(w => (Word: w, g.Count)))
            .GroupBy(x => x.Word, StringComparer.Ordinal)
            .OrderByDescending(x => x.Sum(y => y.Count)).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Take(TermsPerCluster).Select(x => x.Key).ToList();

    private async Task<IReadOnlyList<NearestDocument>> NearestAsync(float[] centroid, CancellationToken cancellationToken)
    {
        if (index is null || centroid.Length == 0) return [];
        var hits = await index.SearchDenseAsync(centroid, NearestPerCluster * 10, SearchFilter.None, cancellationToken);
        return hits.GroupBy(h => h.Document.Id, StringComparer.Ordinal)
            .Select(g => new NearestDocument(g.Key, g.First().Document.Title, Math.Round(g.Max(h => h.Score), 3)))
            .OrderByDescending(d => d.Similarity).Take(NearestPerCluster).ToList();
    }

    private sealed class GapQuestion(string text)
    {
        public string Text { get; } = text;
        public int Refused { get; set; }
        public int NotHelpful { get; set; }
        public int Count => Refused + NotHelpful;
        public List<string> Reasons { get; } = [];
        public DateTimeOffset Last { get; set; } = DateTimeOffset.MinValue;
    }
}
