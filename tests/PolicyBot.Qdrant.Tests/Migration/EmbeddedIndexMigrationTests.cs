using Microsoft.Extensions.Options;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Embedded;
using PolicyBot.Core.Retrieval;
using ContractCorpus = PolicyBot.Core.Tests.Contracts.ContractCorpus;
using CorpusDocument = PolicyBot.Core.Tests.Contracts.CorpusDocument;
using PolicyBot.Qdrant.Migration;
using PolicyBot.Qdrant.Tests.Fakes;
using PolicyBot.Tests;

namespace PolicyBot.Qdrant.Tests.Migration;

/// <summary>`index migrate`: the embedded file copied into a target index (a recording fake, as no Qdrant runs here).</summary>
public sealed class EmbeddedIndexMigrationTests : IDisposable
{
    private const string ModelId = "sentence-transformers/all-MiniLM-L6-v2";
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task CopyAsync_SeededEmbeddedIndex_CopiesRecordsPassagesAndBitIdenticalVectorsUnderTheStoredModel()
    {
        await SeedAsync(ContractCorpus.All);
        var target = new InMemoryPassageIndex();

        var report = await EmbeddedIndexMigration.CopyAsync(Source(), target, prune: false, null, CancellationToken.None);

        // The target is opened with the model recorded in the file: nothing asks an embedder.
        Assert.Equal((ModelId, ContractCorpus.Dimensions), target.Model);
        Assert.Equal(new StoredEmbeddingModel(ModelId, ContractCorpus.Dimensions), report.Model);
        Assert.Equal(ContractCorpus.All.Count, report.Copied);
        Assert.Equal(ContractCorpus.All.Sum(d => d.Passages.Count), report.PassagesCopied);
        foreach (var document in ContractCorpus.All)
        {
            var copied = target.Documents[document.Record.Id];
            Assert.Equal(document.Record.Id, copied.Document.Id);
            Assert.Equal(document.Record.IngestedAt, copied.Document.IngestedAt);
            Assert.Equal(document.Record.Metadata.Materials, copied.Document.Metadata.Materials);
            Assert.Equal(document.Passages, copied.Passages);
            Assert.Equal(document.Embeddings.Count, copied.Embeddings.Count);
            for (var i = 0; i < document.Embeddings.Count; i++)
            {
                // Bit for bit, not approximately.
                Assert.Equal(document.Embeddings[i].Select(BitConverter.SingleToInt32Bits), copied.Embeddings[i].Select(BitConverter.SingleToInt32Bits));
            }
        }
        Assert.Equal(new IndexStats(4, 8, ContractCorpus.Get(ContractCorpus.EuRegulation).Record.IngestedAt, ModelId), report.Target);
    }

    [Fact]
    public async Task CopyAsync_RunAgain_SkipsUnchangedAndPrunesOnlyWhenAsked()
    {
        await SeedAsync(ContractCorpus.All);
        var target = new InMemoryPassageIndex();
        await EmbeddedIndexMigration.CopyAsync(Source(), target, prune: false, null, CancellationToken.None);
        await target.UpsertDocumentAsync(ContractCorpus.Document("orphan", "Orphan", DateTimeOffset.UnixEpoch, DocumentMetadata.Empty), [], [], CancellationToken.None);
        var upserts = target.Upserts;

        var again = await EmbeddedIndexMigration.CopyAsync(Source(), target, prune: false, null, CancellationToken.None);
        var pruned = await EmbeddedIndexMigration.CopyAsync(Source(), target, prune: true, null, CancellationToken.None);

        Assert.Equal((0, 4, 0), (again.Copied, again.Unchanged, again.Pruned));
        Assert.Equal(upserts, target.Upserts);
        Assert.Equal(1, pruned.Pruned);
        Assert.DoesNotContain("orphan", target.Documents.Keys);
    }

    [Fact]
    public async Task CopyAsync_TargetBuiltWithAnotherModel_ThrowsBeforeWriting()
    {
        await SeedAsync(ContractCorpus.All);
        var target = new InMemoryPassageIndex();
        await target.InitializeAsync("other-model", ContractCorpus.Dimensions, CancellationToken.None);

        await Assert.ThrowsAsync<IndexMismatchException>(() => EmbeddedIndexMigration.CopyAsync(Source(), target, false, null, CancellationToken.None));
        Assert.Equal(0, target.Upserts);
    }

    [Fact]
    public async Task CopyAsync_NoEmbeddedIndex_SaysSo()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            EmbeddedIndexMigration.CopyAsync(Source(), new InMemoryPassageIndex(), false, null, CancellationToken.None));

        Assert.Contains("nothing to migrate", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private SqlitePassageIndex Source() => new(Options.Create(new EmbeddedIndexOptions { Path = _temp.File("index.db") }));

    private async Task SeedAsync(IEnumerable<CorpusDocument> documents)
    {
        using var index = Source();
        await index.InitializeAsync(ModelId, ContractCorpus.Dimensions, CancellationToken.None);
        foreach (var document in documents)
            await index.UpsertDocumentAsync(document.Record, document.Passages, document.Embeddings, CancellationToken.None);
    }
}
