namespace PolicyBot.Core.Evaluation;

/// <summary>Standard IR metrics over a ranked list of ids and graded relevance judgements.</summary>
public static class RankingMetrics
{
    /// <summary>nDCG@k with gains rel (as trec_eval and BEIR compute it: gain = rel, discount = log2(rank + 1)).</summary>
    public static double NdcgAt(int k, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant)
    {
        double dcg = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
            if (relevant.TryGetValue(ranked[i], out var rel) && rel > 0) dcg += rel / Math.Log2(i + 2);
        var ideal = relevant.Values.Where(r => r > 0).OrderDescending().Take(k).Select((rel, i) => rel / Math.Log2(i + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /// <summary>Share of the relevant ids found in the top k.</summary>
    public static double RecallAt(int k, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant)
    {
        var wanted = relevant.Where(r => r.Value > 0).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        return wanted.Count == 0 ? 0 : ranked.Take(k).Count(wanted.Contains) / (double)wanted.Count;
    }
}
