using PolicyBot.Core.Retrieval;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Retrieval;

public sealed class ScoreFusionTests
{
    [Fact]
    public void Fuse_ReciprocalRank_RewardsPassagesFoundByBothSearches()
    {
        var dense = new[] { Records.Hit("a", 0.9), Records.Hit("b", 0.8), Records.Hit("c", 0.7) };
        var keyword = new[] { Records.Hit("c", 12), Records.Hit("d", 10) };

        var fused = ScoreFusion.Fuse(dense, keyword, FusionMethod.ReciprocalRank, 0.5, rrfK: 60);

        Assert.Equal("c", fused[0].Passage.Id);            // rank 3 + rank 1 beats rank 1 alone
        Assert.Equal(4, fused.Count);
        Assert.Equal(1.0 / 63 + 1.0 / 61, fused[0].Score, 10);
        Assert.Equal(0.7, fused[0].Dense);
        Assert.Equal(12, fused[0].Keyword);
    }

    [Fact]
    public void Fuse_WeightedScore_NormalisesEachListAndAppliesTheWeight()
    {
        var dense = new[] { Records.Hit("a", 0.9), Records.Hit("b", 0.5) };
        var keyword = new[] { Records.Hit("b", 20), Records.Hit("a", 10) };

        var denseHeavy = ScoreFusion.Fuse(dense, keyword, FusionMethod.WeightedScore, 0.9, 60);
        var keywordHeavy = ScoreFusion.Fuse(dense, keyword, FusionMethod.WeightedScore, 0.1, 60);

        Assert.Equal("a", denseHeavy[0].Passage.Id);
        Assert.Equal("b", keywordHeavy[0].Passage.Id);
        Assert.Equal(0.9, denseHeavy[0].Score, 10);        // a: dense normalised 1, keyword normalised 0
    }

    [Fact]
    public void Fuse_EmptyInputs_ReturnsEmpty()
    {
        Assert.Empty(ScoreFusion.Fuse([], [], FusionMethod.WeightedScore, 0.5, 60));
    }

    [Fact]
    public void Fuse_OneListEmpty_KeepsTheOtherListsOrder()
    {
        var keyword = new[] { Records.Hit("x", 5), Records.Hit("y", 3), Records.Hit("z", 1) };
        var fused = ScoreFusion.Fuse([], keyword, FusionMethod.ReciprocalRank, 0.5, 60);
        Assert.Equal(["x", "y", "z"], fused.Select(f => f.Passage.Id));
    }
}
