using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Tests.Retrieval;

public sealed class SearchFilterTests
{
    private static readonly DocumentMetadata Bilateral = new()
    {
        Jurisdiction = "United States / Japan", InstrumentType = "declaration", Announced = "2025-10", Materials = ["rare earths", "lithium"],
    };

    [Theory]
    [InlineData("Japan", null, null, true)]
    [InlineData("japan", "lithium", "declaration", true)]
    [InlineData("China", null, null, false)]
    [InlineData(null, "graphite", null, false)]
    [InlineData(null, "rare earth", null, true)]
    [InlineData(null, null, "law", false)]
    public void Matches_JurisdictionMaterialAndType(string? jurisdiction, string? material, string? type, bool expected)
    {
        var filter = new SearchFilter { Jurisdiction = jurisdiction, Material = material, InstrumentType = type };
        Assert.Equal(expected, filter.Matches(Bilateral));
    }

    [Fact]
    public void Matches_DateRange_UsesAnnouncedDateWithMonthPrecision()
    {
        Assert.True(new SearchFilter { AnnouncedFrom = new DateOnly(2025, 10, 1), AnnouncedTo = new DateOnly(2025, 12, 31) }.Matches(Bilateral));
        Assert.False(new SearchFilter { AnnouncedFrom = new DateOnly(2025, 11, 1) }.Matches(Bilateral));
        Assert.False(new SearchFilter { AnnouncedTo = new DateOnly(2025, 9, 30) }.Matches(Bilateral));
        Assert.False(new SearchFilter { AnnouncedFrom = new DateOnly(2020, 1, 1) }.Matches(DocumentMetadata.Empty));
    }

    [Fact]
    public void Empty_FilterMatchesEverything()
    {
        Assert.True(SearchFilter.None.IsEmpty);
        Assert.True(SearchFilter.None.Matches(DocumentMetadata.Empty));
    }
}
