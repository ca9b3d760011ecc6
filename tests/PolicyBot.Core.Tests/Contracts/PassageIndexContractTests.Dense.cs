using static PolicyBot.Core.Tests.Contracts.ContractCorpus;

namespace PolicyBot.Core.Tests.Contracts;

public abstract partial class PassageIndexContractTests
{
    [Fact]
    public async Task SearchDenseAsync_QueryNearPassage_ReturnsNearestFirst()
    {
        var index = await SeededIndexAsync();

        var hits = await DenseAsync(index, Unit(0.2f, 1f), top: 3);

        Assert.Equal(3, hits.Count);
        Assert.Equal(Get(UsJapan).Passages[1], hits[0].Passage);
        Assert.Equal(Get(UsJapan).Passages[0], hits[1].Passage);
        Assert.Equal(1.0, hits[0].Score, 4);
        Assert.Equal(0.2 / Math.Sqrt(1.04), hits[1].Score, 4);
        Assert.Equal(0.0, hits[2].Score, 4);
    }

    [Fact]
    public async Task SearchDenseAsync_AnyQuery_ScoresAreCosinesBestFirst()
    {
        var index = await SeededIndexAsync();
        var query = Unit(0.6f, -0.8f, 0.4f, -0.3f);

        var hits = await DenseAsync(index, query, top: 100);

        Assert.Equal(All.Sum(d => d.Passages.Count), hits.Count);
        Assert.All(hits, h => Assert.InRange(h.Score, -1.0001, 1.0001));
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
        Assert.Equal(Get(UsJapan).Passages[0], hits[0].Passage);
        Assert.Equal(Get(UsJapan).Passages[1], hits[^1].Passage);
        Assert.True(hits[^1].Score < 0);
    }

    [Fact]
    public async Task SearchDenseAsync_Hit_CarriesItsDocumentRecord()
    {
        var index = await SeededIndexAsync();

        var hit = (await DenseAsync(index, Axis(5), top: 1)).Single();

        Assert.Equal(Get(ChinaGraphite).Passages[0], hit.Passage);
        AssertSameDocument(Get(ChinaGraphite).Record, hit.Document);
    }

    [Fact]
    public async Task SearchDenseAsync_Top_LimitsResultCount()
    {
        var index = await SeededIndexAsync();

        Assert.Equal(2, (await DenseAsync(index, Unit(1, 1, 1, 1, 1, 1, 1, 1), top: 2)).Count);
        Assert.Empty(await DenseAsync(index, Axis(0), top: 0));
    }

    [Fact]
    public async Task SearchDenseAsync_EmptyIndex_ReturnsEmpty()
    {
        var index = await NewIndexAsync();

        Assert.Empty(await DenseAsync(index, Axis(0)));
    }

    [Fact]
    public async Task SearchDenseAsync_WrongDimensions_ThrowsArgumentException()
    {
        var index = await SeededIndexAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => DenseAsync(index, new float[Dimensions + 1]));
    }
}
