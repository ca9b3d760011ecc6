using PolicyBot.Core.Measures;

namespace PolicyBot.Core.Tests.Measures;

[Collection(PolicyCorpusCollection.Name)]
public sealed class MeasureRegisterUpcomingTests(PolicyCorpusFixture fixture)
{
    [Fact]
    public async Task UpcomingAsync_NewYear2027_FindsTheBatteryPassportDeadlineStatedInTheRegulation()
    {
        var events = await fixture.Register(new DateOnly(2027, 1, 1)).UpcomingAsync(60, default);

        var passport = Assert.Single(events, e => e.Measure.Id == "eu-batteries-regulation-2023");
        Assert.Equal(new DateOnly(2027, 2, 18), passport.Date);
        Assert.Equal(UpcomingKind.Deadline, passport.Kind);
        Assert.Contains("battery passport", passport.Evidence.Quote);
        Assert.True(CorpusFacts.Quotes("eu-batteries-regulation-2023", passport.Evidence.Quote));
        Assert.All(events, e => Assert.InRange(e.Date, new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 2)));
    }

    [Fact]
    public async Task UpcomingAsync_Default30Days_OnlyEventsInTheWindow()
    {
        var events = await fixture.Register(new DateOnly(2027, 1, 1)).UpcomingAsync(30, default);
        Assert.DoesNotContain(events, e => e.Date > new DateOnly(2027, 1, 31));
    }

    [Fact]
    public async Task UpcomingAsync_November2026_EndsOfTheSuspensionsFromTheStatusText()
    {
        var events = await fixture.Register(new DateOnly(2026, 11, 1)).UpcomingAsync(30, default);

        // Front matter: "in force from 7 November 2025 until 10 November 2026"; "... until 27 November 2026".
        var no70 = Assert.Single(events, e => e.Measure.Id == "cn-announcement-70-2025-suspension");
        Assert.Equal((new DateOnly(2026, 11, 10), UpcomingKind.StatusDate), (no70.Date, no70.Kind));
        Assert.Contains("10 November 2026", no70.Evidence.Quote);
        var no72 = Assert.Single(events, e => e.Measure.Id == "cn-announcement-46-suspension-2025");
        Assert.Equal(new DateOnly(2026, 11, 27), no72.Date);
        // Documents that merely mention those suspensions ("... was later suspended until 27 November 2026") get no event of their own.
        Assert.DoesNotContain(events, e => e.Measure.Id is "cn-gallium-germanium-controls-2023" or "cn-announcement-18-2025-medium-heavy-rare-earths");
        Assert.Equal(events.Select(e => e.Date).Order(), events.Select(e => e.Date));
        Assert.All(events, e => Assert.True(CorpusFacts.Quotes(e.Measure.Id, e.Evidence.Quote), e.Evidence.Quote));
    }

    [Fact]
    public async Task UpcomingAsync_EffectiveDateInTheWindow_TakesEffect()
    {
        var events = await fixture.Register(new DateOnly(2027, 6, 15)).UpcomingAsync(30, default);

        var cmpti = Assert.Single(events, e => e.Measure.Id == "au-critical-minerals-production-tax-incentive");
        Assert.Equal((new DateOnly(2027, 7, 1), UpcomingKind.TakesEffect), (cmpti.Date, cmpti.Kind));
        Assert.Equal("2027-07-01", CorpusFacts.Get(cmpti.Measure.Id).Effective);
        Assert.Contains("1 July 2027", cmpti.Evidence.Quote);
    }
}
