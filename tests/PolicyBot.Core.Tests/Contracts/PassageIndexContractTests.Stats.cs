using PolicyBot.Core.Retrieval;
using static PolicyBot.Core.Tests.Contracts.ContractCorpus;

namespace PolicyBot.Core.Tests.Contracts;

public abstract partial class PassageIndexContractTests
{
    [Fact]
    public async Task GetStatsAsync_EmptyIndex_ReportsZerosAndModel()
    {
        var index = await NewIndexAsync();

        var stats = await index.GetStatsAsync(Ct);

        Assert.Equal(new IndexStats(0, 0, null, ModelId), stats);
    }

    [Fact]
    public async Task GetStatsAsync_Seeded_ReportsCountsAndLatestIngestionAcrossOffsets()
    {
        var index = await SeededIndexAsync();

        var stats = await index.GetStatsAsync(Ct);

        Assert.Equal(All.Count, stats.DocumentCount);
        Assert.Equal(All.Sum(d => d.Passages.Count), stats.PassageCount);
        Assert.Equal(ModelId, stats.EmbeddingModelId);
        // Latest instant, not the latest-looking string: 01:30Z beats 09:00+09:00 (= 00:00Z).
        Assert.Equal(Get(EuRegulation).Record.IngestedAt, stats.LastIngestedAt);
    }
}
