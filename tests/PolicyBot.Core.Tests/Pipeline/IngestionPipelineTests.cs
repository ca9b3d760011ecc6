using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Pipeline;

public sealed class IngestionPipelineTests
{
    private const string GraphiteBody = "China requires export licences for spherical graphite from 1 December 2023. Synthetic graphite above 99.9% purity is also listed.";

    [Fact]
    public async Task IngestAsync_SecondRunWithoutChanges_SkipsEverythingAndEmbedsNothing()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        corpus.Write("a.md", IndexedCorpus.Measure("cn-graphite", "Graphite controls", "China", "2023-10-20", GraphiteBody));
        corpus.Write("b.txt", "Notes on lithium\n\nLithium brine projects in Chile are growing.");

        var first = await corpus.IngestAsync();
        var callsAfterFirst = corpus.Embedder.Calls;
        var second = await corpus.IngestAsync();

        Assert.Equal((2, 0, 0), (first.Added, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 2, 0), (second.Added, second.Updated, second.Unchanged, second.Removed));
        Assert.Equal(0, second.PassagesEmbedded);
        Assert.Equal(callsAfterFirst, corpus.Embedder.Calls);
    }

    [Fact]
    public async Task IngestAsync_ChangedFile_ReplacesItsPassages()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        corpus.Write("a.md", IndexedCorpus.Measure("cn-graphite", "Graphite controls", "China", "2023-10-20", GraphiteBody));
        await corpus.IngestAsync();

        corpus.Write("a.md", IndexedCorpus.Measure("cn-graphite", "Graphite controls", "China", "2023-10-20", "China now also lists graphite anode material made with zebrawood binders."));
        var report = await corpus.IngestAsync();

        Assert.Equal(1, report.Updated);
        Assert.Empty(await corpus.Index.SearchKeywordAsync("spherical", 5, Domain.SearchFilter.None, CancellationToken.None));
        Assert.Single(await corpus.Index.SearchKeywordAsync("zebrawood", 5, Domain.SearchFilter.None, CancellationToken.None));
    }

    [Fact]
    public async Task IngestAsync_DeletedFile_RemovesTheDocument()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        var path = corpus.Write("a.md", IndexedCorpus.Measure("cn-graphite", "Graphite controls", "China", "2023-10-20", GraphiteBody));
        corpus.Write("b.md", IndexedCorpus.Measure("eu-crma", "CRMA", "European Union", "2024-04-11", "The EU sets a 65% single-country cap."));
        await corpus.IngestAsync();

        File.Delete(path);
        var report = await corpus.IngestAsync();

        Assert.Equal(1, report.Removed);
        Assert.Null(await corpus.Index.GetDocumentAsync("cn-graphite", CancellationToken.None));
        Assert.NotNull(await corpus.Index.GetDocumentAsync("eu-crma", CancellationToken.None));
    }

    [Fact]
    public async Task IngestAsync_BrokenFile_IsReportedByNameAndTheRestIngests()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        corpus.Write("good.md", IndexedCorpus.Measure("cn-graphite", "Graphite controls", "China", "2023-10-20", GraphiteBody));
        var broken = corpus.Write("broken.pdf", "this is not a pdf at all");
        corpus.Write("bad-yaml.md", "---\ntitle: [unclosed\n---\n# x\ntext");

        var report = await corpus.IngestAsync();

        Assert.Equal(1, report.Added);
        Assert.Equal(2, report.Failures.Count);
        Assert.Contains(report.Failures, f => f.Path == broken);
        Assert.Contains(report.Failures, f => f.Path.EndsWith("bad-yaml.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IngestAsync_InterruptedRun_LeavesIndexConsistentAndNextRunCompletes()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        for (var i = 0; i < 6; i++)
            corpus.Write($"doc{i}.md", IndexedCorpus.Measure($"doc-{i}", $"Measure {i}", "China", "2024-01-01", $"Measure {i} controls graphite item {i}. " + GraphiteBody));

        using var cts = new CancellationTokenSource();
        var progress = new CancelAfter(3, cts);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => corpus.Pipeline.IngestAsync([corpus.DocsPath], progress, cts.Token));

        var partial = await corpus.Index.ListDocumentsAsync(CancellationToken.None);
        Assert.True(partial.Count < 6);
        foreach (var document in partial)   // every stored document is whole
            Assert.Equal(document.PassageCount, (await corpus.Index.GetPassagesAsync(document.Id, CancellationToken.None)).Count);

        var resumed = await corpus.IngestAsync();
        Assert.Equal(6 - partial.Count, resumed.Added);
        Assert.Equal(partial.Count, resumed.Unchanged);
        Assert.Equal(6, (await corpus.Index.ListDocumentsAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task IngestAsync_DuplicateIds_KeepsTheFirstAndReportsTheSecond()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        corpus.Write("a.md", IndexedCorpus.Measure("same", "First", "China", "2024-01-01", GraphiteBody));
        corpus.Write("b.md", IndexedCorpus.Measure("same", "Second", "China", "2024-01-01", GraphiteBody));

        var report = await corpus.IngestAsync();

        Assert.Equal(1, report.Added);
        Assert.Contains("same", Assert.Single(report.Failures).Reason);
        Assert.Equal("First", (await corpus.Index.GetDocumentAsync("same", CancellationToken.None))!.Title);
    }

    [Fact]
    public async Task IngestAsync_ReadmeAndHiddenFiles_AreNotIngested()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        corpus.Write("README.md", "# How to add documents\nUse front matter.");
        corpus.Write(".drafts/x.md", "# Draft\nNot ready.");
        corpus.Write("a.md", IndexedCorpus.Measure("cn-graphite", "Graphite controls", "China", "2023-10-20", GraphiteBody));

        var report = await corpus.IngestAsync();

        Assert.Equal(1, report.Added);
        Assert.Single(await corpus.Index.ListDocumentsAsync(CancellationToken.None));
    }

    private sealed class CancelAfter(int files, CancellationTokenSource cts) : IProgress<PolicyBot.Core.Ingestion.IngestionProgress>
    {
        public void Report(PolicyBot.Core.Ingestion.IngestionProgress value)
        {
            if (value.Processed >= files) cts.Cancel();
        }
    }
}
