using PolicyBot.Core.Evaluation;

namespace PolicyBot.Core.Tests.Evaluation;

public sealed class RankingMetricsTests
{
    private static readonly Dictionary<string, int> Relevant = new() { ["d1"] = 1, ["d2"] = 1 };

    [Fact]
    public void NdcgAt10_PerfectRanking_IsOne() => Assert.Equal(1.0, RankingMetrics.NdcgAt(10, ["d1", "d2", "x"], Relevant), 10);

    [Fact]
    public void NdcgAt10_MatchesHandComputedValue()
    {
        // relevant at ranks 2 and 4: (1/log2(3) + 1/log2(5)) / (1 + 1/log2(3))
        var expected = (1 / Math.Log2(3) + 1 / Math.Log2(5)) / (1 + 1 / Math.Log2(3));
        Assert.Equal(expected, RankingMetrics.NdcgAt(10, ["x", "d1", "y", "d2"], Relevant), 10);
    }

    [Fact]
    public void NdcgAt10_RelevantBeyondCutoff_CountsNothing() =>
        Assert.Equal(0, RankingMetrics.NdcgAt(2, ["x", "y", "d1"], Relevant));

    [Fact]
    public void RecallAt100_CountsShareFound() => Assert.Equal(0.5, RankingMetrics.RecallAt(100, ["d2", "x"], Relevant));

    [Fact]
    public void Percentile_NearestRank()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(5, Evaluator.Percentile(values, 0.5));
        Assert.Equal(10, Evaluator.Percentile(values, 0.95));
        Assert.Equal(0, Evaluator.Percentile([], 0.5));
    }
}
