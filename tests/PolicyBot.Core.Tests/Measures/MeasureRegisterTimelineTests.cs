using PolicyBot.Core.Measures;

namespace PolicyBot.Core.Tests.Measures;

[Collection(PolicyCorpusCollection.Name)]
public sealed class MeasureRegisterTimelineTests(PolicyCorpusFixture fixture)
{
    [Fact]
    public async Task TimelineAsync_Graphite_DateOrderWithAnnouncedAndEffectiveDatesAndTheSuspension()
    {
        var timeline = await fixture.Register(new DateOnly(2026, 6, 1)).TimelineAsync("graphite", default);

        Assert.Equal("graphite", timeline.Material);
        Assert.Null(timeline.Jurisdiction);
        var ids = timeline.Entries.Select(e => e.Measure.Id).ToList();
        var dates = timeline.Entries.Select(e => e.Measure.Date!.Value).ToList();
        Assert.Equal(dates.Order().ToList(), dates);

        var controls = timeline.Entries.Single(e => e.Measure.Id == "cn-graphite-export-controls-2023");
        Assert.Equal((new DateOnly(2023, 10, 20), new DateOnly(2023, 12, 1)), (controls.Measure.Announced, controls.Measure.Effective));
        Assert.Contains("20 October 2023", controls.Evidence.Quote);

        var no58 = timeline.Entries.Single(e => e.Measure.Id == "cn-announcement-58-2025-lithium-battery-graphite-anode");
        Assert.Equal((new DateOnly(2025, 10, 9), new DateOnly(2025, 11, 8)), (no58.Measure.Announced, no58.Measure.Effective));
        var suspension = Assert.Single(no58.Links);
        Assert.Equal((MeasureRelations.SuspendedBy, "cn-announcement-70-2025-suspension"), (suspension.Relation, suspension.TargetId));
        Assert.StartsWith("MOFCOM/GAC Announcement No. 70 of 2025", suspension.TargetTitle);
        Assert.Equal(new DateOnly(2025, 11, 7), suspension.TargetDate);
        // Coming up (relative to 1 June 2026): the end of the suspension, from the status.
        Assert.Contains(no58.Upcoming, u => u.Date == new DateOnly(2026, 11, 10) && u.Kind == UpcomingKind.StatusDate);

        Assert.True(ids.IndexOf("cn-graphite-export-controls-2023") < ids.IndexOf("cn-announcement-58-2025-lithium-battery-graphite-anode"));
        Assert.True(ids.IndexOf("cn-announcement-58-2025-lithium-battery-graphite-anode") < ids.IndexOf("cn-announcement-70-2025-suspension"));
        // No. 70 also suspended the rare-earth notices; they are not about graphite, so they stay out.
        Assert.DoesNotContain("cn-announcement-57-2025-five-rare-earths", ids);
        Assert.All(timeline.Entries, e => Assert.True(CorpusFacts.Quotes(e.Measure.Id, e.Evidence.Quote), e.Evidence.Quote));
    }

    [Fact]
    public async Task TimelineAsync_Jurisdiction_ListsItsMeasuresOldestFirst()
    {
        var timeline = await fixture.Register(new DateOnly(2027, 1, 1)).TimelineAsync("European Union", default);

        Assert.Equal("European Union", timeline.Jurisdiction);
        var expected = CorpusFacts.All.Where(f => f.Jurisdiction == "European Union").OrderBy(f => f.Announced, StringComparer.Ordinal).Select(f => f.Id);
        Assert.Equal(expected, timeline.Entries.Select(e => e.Measure.Id));
        var regulation = timeline.Entries.Single(e => e.Measure.Id == "eu-batteries-regulation-2023");
        Assert.Equal("eu-battery-due-diligence-postponement-2025", Assert.Single(regulation.Links).TargetId);
    }

    [Fact]
    public async Task TimelineAsync_UnknownSubject_IsEmpty()
    {
        var timeline = await fixture.Register(new DateOnly(2027, 1, 1)).TimelineAsync("unobtainium", default);
        Assert.Empty(timeline.Entries);
    }
}
