using System.Diagnostics;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Evaluation;

/// <summary>Asks every question through the real <see cref="AskService"/> and scores the answers.</summary>
public sealed class Evaluator(AskService ask, IPassageIndex index)
{
    public async Task<EvalReport> RunAsync(IReadOnlyList<EvalQuestion> questions, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        // One warm-up question so model loading is not counted as answer latency.
        await ask.AskAsync(new AskRequest("warm-up question about export controls"), cancellationToken);

        var documentTexts = new Dictionary<string, string>(StringComparer.Ordinal);
        var outcomes = new List<EvalOutcome>(questions.Count);
        foreach (var q in questions)
        {
            var history = (q.History ?? []).Select(h => new ConversationTurn(ChatRole.User, h)).ToList();
            var started = Stopwatch.GetTimestamp();
            var answer = await ask.AskAsync(new AskRequest(q.Question, history, Domain.SearchFilter.None), cancellationToken);
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            var cited = answer.Citations.Select(c => c.DocumentId).Distinct(StringComparer.Ordinal).ToList();
            var expected = q.ExpectedMeasures ?? [];
            var recall = expected.Count == 0 ? 1 : expected.Count(cited.Contains) / (double)expected.Count;
            var missing = (q.MustContain ?? []).Where(group => !group.Any(alt => answer.Text.Contains(alt, StringComparison.OrdinalIgnoreCase)))
                .Select(group => group[0]).ToList();
            var valid = 0;
            foreach (var citation in answer.Citations)
                if (Normalise(await DocumentTextAsync(citation.DocumentId, documentTexts, cancellationToken)).Contains(Normalise(citation.Quote), StringComparison.Ordinal))
                    valid++;
            outcomes.Add(new EvalOutcome(q, answer.Refused, cited, recall, missing.Count == 0, missing, valid, answer.Citations.Count, latency, answer.Text) { Signals = answer.Signals });
            progress?.Report(outcomes.Count);
        }
        var byKind = outcomes.GroupBy(o => o.Question.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Score(g.ToList()));
        return new EvalReport(Score(outcomes) with { ByKind = byKind }, outcomes);
    }

    public static EvalMetrics Score(IReadOnlyList<EvalOutcome> outcomes)
    {
        var inScope = outcomes.Where(o => !o.Question.IsOutOfScope).ToList();
        var withMeasures = inScope.Where(o => (o.Question.ExpectedMeasures ?? []).Count > 0).ToList();
        var withFacts = inScope.Where(o => (o.Question.MustContain ?? []).Count > 0).ToList();
        var outOfScope = outcomes.Where(o => o.Question.IsOutOfScope).ToList();
        var citations = outcomes.Sum(o => o.Citations);
        var latencies = outcomes.Select(o => o.LatencyMs).Order().ToList();
        return new EvalMetrics(
            withMeasures.Count == 0 ? null : Round(withMeasures.Average(o => o.MeasureRecall)),
            withFacts.Count == 0 ? null : Round(withFacts.Count(o => o.FactsFound) / (double)withFacts.Count),
            outOfScope.Count == 0 ? null : Round(outOfScope.Count(o => o.Refused) / (double)outOfScope.Count),
            inScope.Count(o => o.Refused),
            citations == 0 ? null : Round(outcomes.Sum(o => o.ValidCitations) / (double)citations),
            Round(Percentile(latencies, 0.50)),
            Round(Percentile(latencies, 0.95)));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private async Task<string> DocumentTextAsync(string documentId, Dictionary<string, string> cache, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(documentId, out var text)) return text;
        var passages = await index.GetPassagesAsync(documentId, cancellationToken);
        return cache[documentId] = string.Join("\n", passages.Select(p => p.Text));
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static double Round(double value) => Math.Round(value, 4);
}
