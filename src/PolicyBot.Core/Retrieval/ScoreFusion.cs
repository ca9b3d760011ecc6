using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Retrieval;

/// <summary>Merges the dense and keyword rankings into one.</summary>
public static class ScoreFusion
{
    public static List<ScoredPassage> Fuse(
        IReadOnlyList<PassageHit> dense, IReadOnlyList<PassageHit> keyword, FusionMethod method, double denseWeight, int rrfK)
    {
        var byId = new Dictionary<string, (PassageHit Hit, double? Dense, double? Keyword, int DenseRank, int KeywordRank)>(StringComparer.Ordinal);
        for (var i = 0; i < dense.Count; i++)
            byId[dense[i].Passage.Id] = (dense[i], dense[i].Score, null, i + 1, 0);
        for (var i = 0; i < keyword.Count; i++)
        {
            var hit = keyword[i];
            byId[hit.Passage.Id] = byId.TryGetValue(hit.Passage.Id, out var e)
                ? e with { Keyword = hit.Score, KeywordRank = i + 1 }
                : (hit, null, hit.Score, 0, i + 1);
        }

        var denseRange = Range(dense);
        var keywordRange = Range(keyword);
        var fused = new List<ScoredPassage>(byId.Count);
        foreach (var (hit, d, k, dRank, kRank) in byId.Values)
        {
            var score = method switch
            {
                FusionMethod.ReciprocalRank =>
                    (dRank > 0 ? 1.0 / (rrfK + dRank) : 0) + (kRank > 0 ? 1.0 / (rrfK + kRank) : 0),
                _ => denseWeight * Normalise(d, denseRange) + (1 - denseWeight) * Normalise(k, keywordRange),
            };
            fused.Add(new ScoredPassage(hit.Passage, hit.Document, score, d, k));
        }
        fused.Sort(static (a, b) => b.Score.CompareTo(a.Score) is var c and not 0 ? c : string.CompareOrdinal(a.Passage.Id, b.Passage.Id));
        return fused;
    }

    // Min-max within the candidate list; a passage missing from a list scores as that list's floor.
    private static double Normalise(double? score, (double Min, double Max) range)
    {
        if (score is null) return 0;
        var width = range.Max - range.Min;
        return width <= 1e-12 ? 1 : (score.Value - range.Min) / width;
    }

    private static (double Min, double Max) Range(IReadOnlyList<PassageHit> hits)
    {
        if (hits.Count == 0) return (0, 0);
        double min = double.MaxValue, max = double.MinValue;
        foreach (var h in hits) { min = Math.Min(min, h.Score); max = Math.Max(max, h.Score); }
        return (min, max);
    }
}
