using PolicyBot.Core.Retrieval;
using static PolicyBot.Core.Tests.Contracts.ContractCorpus;

namespace PolicyBot.Core.Tests.Contracts;

// Durable-store tests: each returns early (passes) when ReopenIndexAsync is not supported.
public abstract partial class PassageIndexContractTests
{
    [Fact]
    public async Task ReopenIndexAsync_AfterUpserts_KeepsEverythingWithoutReupserting()
    {
        var original = await SeededIndexAsync();
        await original.DeleteDocumentAsync(DraftNotes, Ct);
        var statsBefore = await original.GetStatsAsync(Ct);
        var reopened = await ReopenAsync(original);
        if (reopened is null) return;

        await reopened.InitializeAsync(ModelId, Dimensions, Ct);

        Assert.Equal(statsBefore, await reopened.GetStatsAsync(Ct));
        Assert.Equal(All.Count - 1, (await reopened.ListDocumentsAsync(Ct)).Count);
        foreach (var document in All.Where(d => d.Record.Id != DraftNotes))
        {
            AssertSameDocument(document.Record, await reopened.GetDocumentAsync(document.Record.Id, Ct));
            AssertSamePassages(document.Passages, await reopened.GetPassagesAsync(document.Record.Id, Ct));
        }
        Assert.Null(await reopened.GetDocumentAsync(DraftNotes, Ct));
        var dense = await DenseAsync(reopened, Unit(0.2f, 1f), top: 2);
        Assert.Equal(Get(UsJapan).Passages, dense.Select(h => h.Passage).Reverse());
        Assert.Equal(1.0, dense[0].Score, 4);
        Assert.Equal(Get(EuRegulation).Passages[2], (await KeywordAsync(reopened, "hexafluorophosphate")).Single().Passage);
        Assert.DoesNotContain(await KeywordAsync(reopened, "passports"), h => h.Document.Id == DraftNotes);
    }

    [Fact]
    public async Task ReopenIndexAsync_ThenUpsert_ReplacesTheStoredVersion()
    {
        var original = await SeededIndexAsync();
        var reopened = await ReopenAsync(original);
        if (reopened is null) return;
        await reopened.InitializeAsync(ModelId, Dimensions, Ct);
        var china = Get(ChinaGraphite);

        await reopened.UpsertDocumentAsync(china.Record with { PassageCount = 1 }, [china.Passages[1]], [Axis(5)], Ct);

        Assert.Equal(china.Passages[1], (await DenseAsync(reopened, Axis(5), top: 1)).Single().Passage);
        Assert.Equal([china.Passages[1]], await reopened.GetPassagesAsync(ChinaGraphite, Ct));
        Assert.DoesNotContain(await KeywordAsync(reopened, "spherical"), h => h.Document.Id == ChinaGraphite);
    }

    [Theory]
    [InlineData("another-model", Dimensions)]
    [InlineData(ModelId, Dimensions * 2)]
    public async Task InitializeAsync_StoreBuiltWithAnotherModel_ThrowsIndexMismatch(string modelId, int dimensions)
    {
        var original = await SeededIndexAsync();
        var reopened = await ReopenAsync(original);
        if (reopened is null) return;

        var error = await Assert.ThrowsAsync<IndexMismatchException>(() => reopened.InitializeAsync(modelId, dimensions, Ct));

        Assert.Contains("--rebuild", error.Message, StringComparison.Ordinal);
        Assert.Contains(ModelId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_EmptyStoreBuiltWithAnotherModel_ThrowsIndexMismatch()
    {
        var original = await NewIndexAsync();
        var reopened = await ReopenAsync(original);
        if (reopened is null) return;

        await Assert.ThrowsAsync<IndexMismatchException>(() => reopened.InitializeAsync("another-model", Dimensions, Ct));
    }
}
