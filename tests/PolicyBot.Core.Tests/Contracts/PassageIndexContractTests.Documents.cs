using PolicyBot.Core.Domain;
using static PolicyBot.Core.Tests.Contracts.ContractCorpus;

namespace PolicyBot.Core.Tests.Contracts;

public abstract partial class PassageIndexContractTests
{
    [Fact]
    public async Task UpsertDocumentAsync_NewDocuments_GetAndListReturnThem()
    {
        var index = await SeededIndexAsync();

        var listed = await index.ListDocumentsAsync(Ct);

        Assert.Equal(All.Select(d => d.Record.Id).Order(StringComparer.Ordinal), listed.Select(d => d.Id).Order(StringComparer.Ordinal));
        foreach (var document in All)
        {
            AssertSameDocument(document.Record, listed.Single(d => d.Id == document.Record.Id));
            AssertSameDocument(document.Record, await index.GetDocumentAsync(document.Record.Id, Ct));
            AssertSamePassages(document.Passages, await index.GetPassagesAsync(document.Record.Id, Ct));
        }
    }

    [Fact]
    public async Task GetDocumentAsync_UnknownId_ReturnsNullAndNoPassages()
    {
        var index = await SeededIndexAsync();

        Assert.Null(await index.GetDocumentAsync("no-such-document", Ct));
        Assert.Empty(await index.GetPassagesAsync("no-such-document", Ct));
    }

    [Fact]
    public async Task GetPassagesAsync_UpsertedOutOfOrder_ReturnsThemByOrdinal()
    {
        var index = await NewIndexAsync();
        var record = Document("shuffled", "Shuffled", DateTimeOffset.UnixEpoch, DocumentMetadata.Empty, passageCount: 3);
        Passage Make(int ordinal) => new(Passage.MakeId("shuffled", ordinal), "shuffled", ordinal, ordinal == 1 ? null : $"Part {ordinal}", $"Text {ordinal}");

        await index.UpsertDocumentAsync(record, [Make(2), Make(0), Make(1)], [Axis(2), Axis(0), Axis(1)], Ct);

        var passages = await index.GetPassagesAsync("shuffled", Ct);
        Assert.Equal([0, 1, 2], passages.Select(p => p.Ordinal));
        Assert.Equal([Make(0), Make(1), Make(2)], passages);
    }

    [Fact]
    public async Task UpsertDocumentAsync_FullMetadata_RoundTripsExactly()
    {
        var index = await NewIndexAsync();
        var metadata = new DocumentMetadata
        {
            Jurisdiction = "Deutschland / 日本", IssuingBody = "Bundesministerium \"BMWK\"", InstrumentType = "Verordnung",
            Announced = "2024-02", Effective = "2025-01-01", Status = "draft",
            Materials = ["lithium", "rare earths", "graphite"],
            Sources = ["https://example.org/a?b=1&c=2", "file:///policies/b.pdf"],
            Relations = new Dictionary<string, IReadOnlyList<string>>
            {
                ["amends"] = ["doc-a", "doc-b"],
                ["suspended_by"] = ["doc-c"],
                ["SupersededBy"] = [],
            },
        };
        var ingestedAt = new DateTimeOffset(2025, 11, 8, 14, 3, 7, TimeSpan.FromMinutes(330)).AddTicks(1_234_567);
        var record = new DocumentRecord("round-trip", "Überprüfung — Batterie‑Verordnung 電池", "policies/de/round trip.md", metadata, "sha256:abc", ingestedAt, 1);
        var passage = new Passage(Passage.MakeId("round-trip", 0), "round-trip", 0, "Übersicht", "Zeile 1\nZeile 2 — «quoted» 'text'");

        await index.UpsertDocumentAsync(record, [passage], [Axis(3)], Ct);

        AssertSameDocument(record, await index.GetDocumentAsync("round-trip", Ct));
        AssertSameDocument(record, (await index.ListDocumentsAsync(Ct)).Single());
        AssertSameDocument(record, (await DenseAsync(index, Axis(3))).Single().Document);
        Assert.Equal(passage, (await index.GetPassagesAsync("round-trip", Ct)).Single());
    }

    [Fact]
    public async Task UpsertDocumentAsync_SameIdAgain_ReplacesOldPassagesEverywhere()
    {
        var index = await NewIndexAsync();
        var old = Document("replaced", "Replaced", DateTimeOffset.UnixEpoch, DocumentMetadata.Empty, passageCount: 2);
        await index.UpsertDocumentAsync(old,
            [new(Passage.MakeId("replaced", 0), "replaced", 0, null, "Zirconium quotas apply."), new(Passage.MakeId("replaced", 1), "replaced", 1, null, "Hafnium is exempt.")],
            [Axis(0), Axis(1)], Ct);
        var updated = old with { ContentHash = "sha256:v2", PassageCount = 1, IngestedAt = DateTimeOffset.UnixEpoch.AddDays(1) };
        var passage = new Passage(Passage.MakeId("replaced", 0), "replaced", 0, "New", "Tantalum quotas apply.");

        await index.UpsertDocumentAsync(updated, [passage], [Axis(2)], Ct);

        AssertSameDocument(updated, await index.GetDocumentAsync("replaced", Ct));
        Assert.Equal([passage], await index.GetPassagesAsync("replaced", Ct));
        Assert.Empty(await KeywordAsync(index, "zirconium"));
        Assert.Empty(await KeywordAsync(index, "hafnium"));
        Assert.Equal(passage, (await KeywordAsync(index, "tantalum")).Single().Passage);
        var dense = await DenseAsync(index, Axis(0));
        Assert.Equal([passage], dense.Select(h => h.Passage));
        Assert.Equal("sha256:v2", dense.Single().Document.ContentHash);
        Assert.Equal(1, (await index.GetStatsAsync(Ct)).PassageCount);
    }

    [Fact]
    public async Task DeleteDocumentAsync_Existing_RemovesItFromGetListAndBothSearches()
    {
        var index = await SeededIndexAsync();

        await index.DeleteDocumentAsync(ChinaGraphite, Ct);

        Assert.Null(await index.GetDocumentAsync(ChinaGraphite, Ct));
        Assert.Empty(await index.GetPassagesAsync(ChinaGraphite, Ct));
        Assert.DoesNotContain(await index.ListDocumentsAsync(Ct), d => d.Id == ChinaGraphite);
        Assert.DoesNotContain(await DenseAsync(index, Axis(5), top: 100), h => h.Document.Id == ChinaGraphite);
        Assert.DoesNotContain(await KeywordAsync(index, "graphite licence", top: 100), h => h.Document.Id == ChinaGraphite);
        Assert.NotEmpty(await KeywordAsync(index, "graphite"));
        var stats = await index.GetStatsAsync(Ct);
        Assert.Equal(All.Count - 1, stats.DocumentCount);
        Assert.Equal(All.Sum(d => d.Passages.Count) - 2, stats.PassageCount);
    }

    [Fact]
    public async Task DeleteDocumentAsync_UnknownOrAlreadyDeleted_DoesNotThrow()
    {
        var index = await SeededIndexAsync();

        await index.DeleteDocumentAsync(DraftNotes, Ct);
        await index.DeleteDocumentAsync(DraftNotes, Ct);
        await index.DeleteDocumentAsync("never-existed", Ct);

        Assert.Equal(All.Count - 1, (await index.GetStatsAsync(Ct)).DocumentCount);
    }

    [Fact]
    public async Task UpsertDocumentAsync_EmbeddingCountOrDimensionsWrong_ThrowsArgumentException()
    {
        var index = await NewIndexAsync();
        var document = Get(UsJapan);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.UpsertDocumentAsync(document.Record, document.Passages, [Axis(0)], Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.UpsertDocumentAsync(document.Record, document.Passages, [new float[3], new float[3]], Ct));
        Assert.Null(await index.GetDocumentAsync(UsJapan, Ct));
    }
}
