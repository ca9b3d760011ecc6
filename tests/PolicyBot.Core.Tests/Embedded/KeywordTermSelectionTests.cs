using PolicyBot.Core.Domain;
using PolicyBot.Core.Embedded;

namespace PolicyBot.Core.Tests.Embedded;

public sealed class KeywordTermSelectionTests
{
    [Fact]
    public void KeepInformativeTerms_TermsInHalfThePassagesOrMore_AreLeftOut()
    {
        var kept = SqlitePassageIndex.KeepInformativeTerms([("\"the\"", 900), ("\"lithium\"", 40), ("\"on\"", 500)], indexSize: 1_000);

        Assert.Equal(["\"lithium\""], kept);
    }

    [Fact]
    public void KeepInformativeTerms_OnlyCommonTerms_KeepsTheRarestSoTheQueryStillMatches()
    {
        var kept = SqlitePassageIndex.KeepInformativeTerms([("\"the\"", 990), ("\"of\"", 700)], indexSize: 1_000);

        Assert.Equal(["\"of\""], kept);
    }

    [Fact]
    public void KeepInformativeTerms_LargeIndex_KeepsRareTermsWithinTheMatchedRowsBudget_InQueryOrder()
    {
        // 100k passages: the budget is 25,000 matched rows; terms in at most 1 % of passages are always kept.
        var kept = SqlitePassageIndex.KeepInformativeTerms(
            [("\"export\"", 34_000), ("\"ban\"", 8_500), ("\"chinese\"", 5_000), ("\"lithium\"", 15_600), ("\"agency\"", 900)],
            indexSize: 100_000);

        Assert.Equal(["\"ban\"", "\"chinese\"", "\"agency\""], kept);
    }

    [Fact]
    public void KeepInformativeTerms_SmallIndex_KeepsEveryTermBelowTheCommonShare()
    {
        var kept = SqlitePassageIndex.KeepInformativeTerms([("\"export\"", 140), ("\"ban\"", 90), ("\"lithium\"", 120)], indexSize: 315);

        Assert.Equal(["\"export\"", "\"ban\"", "\"lithium\""], kept);
    }

    [Fact]
    public async Task SearchKeywordAsync_CommonWordsAndUnknownWords_RanksByTheInformativeTerm()
    {
        using var file = new TempIndexFile();
        using var index = file.CreateIndex();
        await index.InitializeAsync("m", 2, CancellationToken.None);
        for (var i = 0; i < 6; i++)
        {
            var text = i == 4 ? "the cobalt export ban on the ore" : "the quota on the ore applies";
            await UpsertAsync(index, $"d{i}", text);
        }

        var hits = await index.SearchKeywordAsync("the zzzunknown cobalt on the", 10, SearchFilter.None, CancellationToken.None);
        var onlyCommon = await index.SearchKeywordAsync("the on", 10, SearchFilter.None, CancellationToken.None);
        var nothing = await index.SearchKeywordAsync("zzzunknown", 10, SearchFilter.None, CancellationToken.None);

        Assert.Equal(["d4"], hits.Select(h => h.Document.Id));
        Assert.Equal(6, onlyCommon.Count);
        Assert.Empty(nothing);
    }

    [Fact]
    public async Task SearchKeywordAsync_AfterTheIndexGrows_RecountsTermFrequencies()
    {
        using var file = new TempIndexFile();
        using var index = file.CreateIndex();
        await index.InitializeAsync("m", 2, CancellationToken.None);
        await UpsertAsync(index, "a", "nickel matte rules");
        await UpsertAsync(index, "b", "graphite anode rules");
        foreach (var filler in new[] { "e", "f", "g", "h" }) await UpsertAsync(index, filler, "zinc smelter rules");
        Assert.Single(await index.SearchKeywordAsync("cobalt graphite", 10, SearchFilter.None, CancellationToken.None));

        // "cobalt" occurred nowhere when first counted; after new documents it must be searched again.
        await UpsertAsync(index, "c", "cobalt hydroxide export ban");
        await UpsertAsync(index, "d", "cobalt quota");

        var hits = await index.SearchKeywordAsync("cobalt graphite", 10, SearchFilter.None, CancellationToken.None);
        Assert.Equal(["b", "c", "d"], hits.Select(h => h.Document.Id).Order());
    }

    private static Task UpsertAsync(SqlitePassageIndex index, string id, string text)
    {
        var record = new DocumentRecord(id, id, $"{id}.md", new DocumentMetadata(), "h", DateTimeOffset.UnixEpoch, 1);
        return index.UpsertDocumentAsync(record, [new Passage($"{id}#0", id, 0, null, text)], [[1f, 0f]], CancellationToken.None);
    }
}
