using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Answering;

public sealed class CoverageDescriberTests
{
    [Fact]
    public async Task DescribeAsync_ReusesTheSentenceForAWhile_ThenSeesNewDocuments()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T09:00:00Z"));
        var describer = new CoverageDescriber(corpus.Index, time);

        // An empty index is never cached: the first ingestion shows at once.
        Assert.Contains("No documents are indexed yet", await describer.DescribeAsync(default));
        corpus.Write("a.md", IndexedCorpus.Measure("cn-a", "Graphite export controls", "China", "2025-10-09", "China controls graphite exports."));
        await corpus.IngestAsync();
        Assert.Contains("1 documents", await describer.DescribeAsync(default));

        corpus.Write("b.md", IndexedCorpus.Measure("eu-b", "Critical Raw Materials Act", "European Union", "2024-04-11", "The CRMA sets benchmarks."));
        await corpus.IngestAsync();
        Assert.Contains("1 documents", await describer.DescribeAsync(default));   // cached

        time.Advance(CoverageDescriber.RefreshInterval);
        var refreshed = await describer.DescribeAsync(default);
        Assert.Contains("2 documents", refreshed);
        Assert.Contains("European Union", refreshed);
    }
}
