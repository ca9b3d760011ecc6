using static PolicyBot.Core.Tests.Contracts.ContractCorpus;

namespace PolicyBot.Core.Tests.Contracts;

public abstract partial class PassageIndexContractTests
{
    [Fact]
    public async Task SearchKeywordAsync_RareWord_FindsOnlyItsPassage()
    {
        var index = await SeededIndexAsync();

        var hits = await KeywordAsync(index, "hexafluorophosphate");

        var hit = Assert.Single(hits);
        Assert.Equal(Get(EuRegulation).Passages[2], hit.Passage);
        AssertSameDocument(Get(EuRegulation).Record, hit.Document);
        Assert.True(hit.Score > 0);
    }

    [Fact]
    public async Task SearchKeywordAsync_WordRepeatedInOnePassage_RanksThatPassageFirst()
    {
        var index = await SeededIndexAsync();

        var hits = await KeywordAsync(index, "graphite");

        Assert.Equal(3, hits.Count);
        Assert.Equal(Get(ChinaGraphite).Passages[0], hits[0].Passage);
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
        Assert.All(hits, h => Assert.True(h.Score > 0));
    }

    [Fact]
    public async Task SearchKeywordAsync_Top_LimitsResultCount()
    {
        var index = await SeededIndexAsync();

        Assert.Equal(2, (await KeywordAsync(index, "graphite lithium batteries", top: 2)).Count);
        Assert.Empty(await KeywordAsync(index, "graphite", top: 0));
    }

    [Theory]
    [InlineData("\"graphite")]
    [InlineData("graphite\"")]
    [InlineData("graphite*")]
    [InlineData("* graphite")]
    [InlineData("graphite AND")]
    [InlineData("AND graphite OR")]
    [InlineData("graphite NOT spherical")]
    [InlineData("NEAR(graphite")]
    [InlineData("NEAR(graphite, spherical)")]
    [InlineData("-graphite")]
    [InlineData("title:graphite")]
    [InlineData("(graphite")]
    [InlineData("^graphite +")]
    [InlineData("graphite's \"flake\" {export}")]
    public async Task SearchKeywordAsync_QueryWithSearchSyntax_TreatsItAsWords(string query)
    {
        var index = await SeededIndexAsync();

        var hits = await KeywordAsync(index, query);

        Assert.NotEmpty(hits);
        Assert.Equal(ChinaGraphite, hits[0].Document.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("* - ( ) ^ : + { } ,")]
    public async Task SearchKeywordAsync_NoWords_ReturnsEmpty(string query)
    {
        var index = await SeededIndexAsync();

        Assert.Empty(await KeywordAsync(index, query));
    }

    [Fact]
    public async Task SearchKeywordAsync_UnknownWord_ReturnsEmpty()
    {
        var index = await SeededIndexAsync();

        Assert.Empty(await KeywordAsync(index, "unobtainium"));
    }
}
