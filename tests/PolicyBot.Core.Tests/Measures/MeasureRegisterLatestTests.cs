using PolicyBot.Core.Measures;

namespace PolicyBot.Core.Tests.Measures;

[Collection(PolicyCorpusCollection.Name)]
public sealed class MeasureRegisterLatestTests(PolicyCorpusFixture fixture)
{
    private static readonly DateOnly Today = new(2027, 1, 1);

    [Fact]
    public async Task LatestAsync_AllMeasures_NewestFirstAsTheDocumentsDate()
    {
        var entries = await fixture.Register(Today).LatestAsync(new LatestQuery { Limit = 10 }, default);

        var expected = CorpusFacts.All.Where(f => f.Announced.Length > 0)
            .OrderByDescending(f => f.Announced.Length == 7 ? f.Announced + "-01" : f.Announced, StringComparer.Ordinal)
            .Take(10).Select(f => f.Announced).ToList();
        Assert.Equal(expected, entries.Select(e => e.Measure.AnnouncedText));
        Assert.Equal("us-critical-minerals-ministerial-forge-2026", entries[0].Measure.Id);
        Assert.Equal(new DateOnly(2026, 2, 4), entries[0].Measure.Announced);
        Assert.Equal(["cn-rare-earth-general-licences-2025", "eu-resourceeu-action-plan-2025", "cn-announcement-46-suspension-2025"],
            entries.Skip(1).Take(3).Select(e => e.Measure.Id));
    }

    [Fact]
    public async Task LatestAsync_EveryEntry_HasItsStatusAndAOneLineSummaryQuotedFromItsFirstPassage()
    {
        var entries = await fixture.Register(Today).LatestAsync(new LatestQuery(), default);

        Assert.Equal(LatestQuery.DefaultLimit, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(CorpusFacts.Get(e.Measure.Id).Status, e.Measure.Status);
            Assert.Equal(e.Summary, e.Evidence.Quote);
            Assert.Equal($"{e.Measure.Id}#000", e.Evidence.PassageId);
            Assert.True(CorpusFacts.Quotes(e.Measure.Id, e.Summary), e.Summary);
        });
    }

    [Fact]
    public async Task LatestAsync_JurisdictionMaterialSinceAndLimit_Filter()
    {
        var query = new LatestQuery { Jurisdictions = ["China"], Materials = ["graphite"], Since = new DateOnly(2024, 1, 1), Limit = 3 };

        var entries = await fixture.Register(Today).LatestAsync(query, default);

        Assert.Equal(["cn-announcement-46-suspension-2025", "cn-announcement-70-2025-suspension", "us-cn-trade-arrangement-2025"], entries.Select(e => e.Measure.Id));
        Assert.All(entries, e => Assert.Contains("China", e.Measure.Jurisdiction));
        Assert.All(entries, e => Assert.Contains(e.Measure.Materials, m => m.Contains("graphite", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task LatestAsync_UsAlias_MatchesUnitedStatesButNotAustralia()
    {
        var entries = await fixture.Register(Today).LatestAsync(new LatestQuery { Jurisdictions = ["US"], Limit = 100 }, default);

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Contains("United States", e.Measure.Jurisdiction));
        Assert.Equal(CorpusFacts.All.Count(f => f.Jurisdiction.Contains("United States", StringComparison.Ordinal)), entries.Count);
    }

    [Fact]
    public async Task LatestAsync_IsRelativeToToday_MeasuresAnnouncedLaterAreLeftOut()
    {
        var entries = await fixture.Register(new DateOnly(2025, 10, 9)).LatestAsync(new LatestQuery { Limit = 7 }, default);

        Assert.Equal(6, entries.Count(e => e.Measure.Announced == new DateOnly(2025, 10, 9)));
        Assert.All(entries, e => Assert.True(e.Measure.Announced <= new DateOnly(2025, 10, 9)));
        var seventh = CorpusFacts.All.Select(f => f.Announced).Where(a => a.Length == 10 && string.CompareOrdinal(a, "2025-10-09") < 0).Max();
        Assert.Equal(seventh, entries[^1].Measure.AnnouncedText);
    }
}
