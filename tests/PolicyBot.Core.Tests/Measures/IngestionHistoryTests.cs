using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.State;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Measures;

public sealed class IngestionHistoryTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-30T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static IngestionPipeline Pipeline(IndexedCorpus corpus, TimeProvider time, IIngestionHistory? history) =>
        new(corpus.Index, corpus.Embedder, DocumentReaderRegistry.CreateDefault(),
            Options.Create(new IngestionOptions { MaxPassageTokens = 60, OverlapTokens = 10, EmbeddingBatchSize = 8 }), time,
            NullLogger<IngestionPipeline>.Instance, history);

    [Fact]
    public async Task IngestAsync_RecordsAddedUpdatedWithBeforeAndAfterAndRemoved()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        var time = new FakeTimeProvider(Start);
        var history = new InMemoryIngestionHistory();
        var pipeline = Pipeline(corpus, time, history);
        corpus.Write("58.md", IndexedCorpus.Measure("cn-58", "Announcement No. 58", "China", "2025-10-09", "Exports of graphite anodes need a licence.", status: "announced"));
        var crma = corpus.Write("crma.md", IndexedCorpus.Measure("eu-crma", "CRMA", "European Union", "2024-04-11", "The CRMA sets benchmarks."));
        await pipeline.IngestAsync([corpus.DocsPath], null, default);

        time.Advance(TimeSpan.FromHours(1));
        corpus.Write("58.md", IndexedCorpus.Measure("cn-58", "Announcement No. 58", "China", "2025-10-09", "Exports of graphite anodes need a licence.",
            status: "suspended until 10 November 2026"));
        File.Delete(crma);
        await pipeline.IngestAsync([corpus.DocsPath], null, default);
        await pipeline.IngestAsync([corpus.DocsPath], null, default);   // nothing changed: nothing recorded

        var all = await history.ListSinceAsync(DateTimeOffset.MinValue, default);
        Assert.Equal([("cn-58", DocumentChangeKind.Added), ("eu-crma", DocumentChangeKind.Added), ("cn-58", DocumentChangeKind.Updated), ("eu-crma", DocumentChangeKind.Removed)],
            all.Select(c => (c.DocumentId, c.Kind)).OrderBy(c => c.Kind == DocumentChangeKind.Added ? 0 : 1).ThenBy(c => c.Kind).ThenBy(c => c.DocumentId));

        var later = await history.ListSinceAsync(Start, default);
        var updated = Assert.Single(later, c => c.Kind == DocumentChangeKind.Updated);
        Assert.Equal(("announced", "suspended until 10 November 2026"), (updated.Before!.Status, updated.After!.Status));
        Assert.Equal(Start.AddHours(1), updated.At);
        var removed = Assert.Single(later, c => c.Kind == DocumentChangeKind.Removed);
        Assert.Equal(("CRMA", "European Union"), (removed.Title, removed.Before!.Jurisdiction));
        Assert.Null(removed.After);
        Assert.All(all.Where(c => c.Kind == DocumentChangeKind.Added), c => Assert.Null(c.Before));
    }

    [Fact]
    public async Task IngestDocumentsAsync_RecordsToo_AndNoHistoryRecordsNothing()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        var history = new InMemoryIngestionHistory();
        var document = new Domain.SourceDocument("doc-1", "A document", "doc-1.txt", Domain.DocumentMetadata.Empty, [new Domain.DocumentSection(null, "Some text about cobalt.")], "h1");

        await Pipeline(corpus, TimeProvider.System, history).IngestDocumentsAsync([document], null, default);
        await Pipeline(corpus, TimeProvider.System, null).IngestDocumentsAsync([document with { ContentHash = "h2" }], null, default);

        var change = Assert.Single(await history.ListSinceAsync(DateTimeOffset.MinValue, default));
        Assert.Equal(("doc-1", DocumentChangeKind.Added), (change.DocumentId, change.Kind));
    }
}
