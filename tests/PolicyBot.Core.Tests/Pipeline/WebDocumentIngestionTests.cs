using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.State;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Pipeline;

public sealed class WebDocumentIngestionTests
{
    private static SourceDocument Page(string id, string url, string text) =>
        new(id, "Feed page " + id, url, DocumentMetadata.Empty, [new DocumentSection(null, text)], "hash-" + text.GetHashCode());

    [Fact]
    public async Task IngestDocumentsAsync_RecordsAddedDocumentsInTheHistory()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        var history = new InMemoryIngestionHistory();
        var pipeline = new IngestionPipeline(corpus.Index, corpus.Embedder, DocumentReaderRegistry.CreateDefault(),
            Options.Create(new IngestionOptions()), TimeProvider.System, NullLogger<IngestionPipeline>.Instance, history);

        await pipeline.IngestDocumentsAsync([Page("feed-1", "https://example.org/a", "Graphite licences announced.")], null, CancellationToken.None);

        var change = Assert.Single(await history.ListSinceAsync(DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Equal(("feed-1", DocumentChangeKind.Added), (change.DocumentId, change.Kind));
    }

    [Fact]
    public async Task IngestAsync_DataFolderRun_KeepsDocumentsIngestedFromWebPages()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        corpus.Write("a.md", IndexedCorpus.Measure("measure-a", "Graphite controls", "CN", "2025-01-01", "Graphite anodes need licences."));
        await corpus.Pipeline.IngestDocumentsAsync([Page("feed-1", "https://example.org/a", "Lithium tariffs rise.")], null, CancellationToken.None);

        var report = await corpus.IngestAsync();

        Assert.Equal(0, report.Removed);
        Assert.Contains(await corpus.Index.ListDocumentsAsync(CancellationToken.None), d => d.Id == "feed-1");
    }
}
