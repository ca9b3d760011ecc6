using PolicyBot.Core.Domain;
using static PolicyBot.Core.Tests.Contracts.ContractCorpus;

namespace PolicyBot.Core.Tests.Contracts;

public abstract partial class PassageIndexContractTests
{
    // Every corpus document has a passage matching one of these words.
    private const string WordsInEveryDocument = "batteries graphite lithium";

    public static TheoryData<string> FilterCases => ["jurisdiction-substring", "jurisdiction-case", "material", "instrument", "announced-range", "announced-day", "announced-from", "combined", "no-match"];

    private static (SearchFilter Filter, string[] Expected) FilterCase(string name) => name switch
    {
        "jurisdiction-substring" => (new SearchFilter { Jurisdiction = "Japan" }, [UsJapan]),
        "jurisdiction-case" => (new SearchFilter { Jurisdiction = "european union" }, [EuRegulation]),
        "material" => (new SearchFilter { Material = "graphite" }, [ChinaGraphite]),
        "instrument" => (new SearchFilter { InstrumentType = "regulation" }, [EuRegulation]),
        "announced-range" => (new SearchFilter { AnnouncedFrom = new(2023, 7, 1), AnnouncedTo = new(2023, 12, 31) }, [EuRegulation, ChinaGraphite]),
        "announced-day" => (new SearchFilter { AnnouncedFrom = new(2023, 10, 20), AnnouncedTo = new(2023, 10, 20) }, [ChinaGraphite]),
        "announced-from" => (new SearchFilter { AnnouncedFrom = new(2023, 7, 12) }, [EuRegulation, ChinaGraphite]),
        "combined" => (new SearchFilter { Jurisdiction = "China", Material = "graph", AnnouncedTo = new(2023, 12, 31) }, [ChinaGraphite]),
        "no-match" => (new SearchFilter { Jurisdiction = "Atlantis" }, []),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task SearchDenseAsync_WithFilter_ReturnsOnlyMatchingDocuments(string name)
    {
        var (filter, expected) = FilterCase(name);
        var index = await SeededIndexAsync();

        var hits = await DenseAsync(index, Unit(1, 1, 1, 1, 1, 1, 1, 1), top: 100, filter);

        Assert.Equal(expected.Order(StringComparer.Ordinal), hits.Select(h => h.Document.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(All.Where(d => expected.Contains(d.Record.Id)).Sum(d => d.Passages.Count), hits.Count);
    }

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task SearchKeywordAsync_WithFilter_ReturnsOnlyMatchingDocuments(string name)
    {
        var (filter, expected) = FilterCase(name);
        var index = await SeededIndexAsync();

        var hits = await KeywordAsync(index, WordsInEveryDocument, top: 100, filter);

        Assert.Equal(expected.Order(StringComparer.Ordinal), hits.Select(h => h.Document.Id).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SearchKeywordAsync_FilterExcludesBestHits_StillFillsTop()
    {
        var index = await SeededIndexAsync();
        var filter = new SearchFilter { Jurisdiction = "European Union" };

        var hits = await KeywordAsync(index, "graphite graphite exports batteries", top: 2, filter);

        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal(EuRegulation, h.Document.Id));
    }

    [Fact]
    public async Task SearchDenseAsync_FilterExcludesNearestHits_StillFillsTop()
    {
        var index = await SeededIndexAsync();
        var filter = new SearchFilter { Jurisdiction = "European Union" };

        var hits = await DenseAsync(index, Axis(5), top: 2, filter);

        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal(EuRegulation, h.Document.Id));
    }
}
