using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Scheduling;

namespace PolicyBot.Core.Tests.Scheduling;

public sealed class ScheduleCalculatorTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text + "Z", System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Slots(string schedule, string after, string until) =>
        ScheduleCalculator.SlotsBetween(ScheduleParser.Parse(schedule), Utc(after), Utc(until)).Select(s => s.ToString("yyyy-MM-ddTHH:mm")).ToArray();

    [Fact]
    public void SlotsBetween_DailyBerlinAcrossSpringForward_FollowsLocalTime()
    {
        // 29 March 2026 is the last Sunday of March: CET (+1) becomes CEST (+2).
        Assert.Equal(["2026-03-27T07:00", "2026-03-28T07:00", "2026-03-29T06:00", "2026-03-30T06:00"],
            Slots("daily 08:00 Europe/Berlin", "2026-03-27T00:00", "2026-03-30T23:00"));
    }

    [Fact]
    public void SlotsBetween_LocalTimeInSpringForwardGap_ShiftsForwardByTheGap()
    {
        // 02:30 does not exist on 29 March in Berlin: it is due at 03:30 CEST (01:30Z), the same instant 02:30 CET would be.
        Assert.Equal(["2026-03-28T01:30", "2026-03-29T01:30", "2026-03-30T00:30"],
            Slots("daily 02:30 Europe/Berlin", "2026-03-28T00:00", "2026-03-30T23:00"));
    }

    [Fact]
    public void SlotsBetween_AmbiguousFallBackTime_IsDueOnceAtItsFirstOccurrence()
    {
        // 25 October 2026 is the last Sunday of October: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
        Assert.Equal(["2026-10-24T00:30", "2026-10-25T00:30", "2026-10-26T01:30"],
            Slots("daily 02:30 Europe/Berlin", "2026-10-24T00:00", "2026-10-26T23:00"));
    }

    [Fact]
    public void SlotsBetween_HalfHourlyCronOverFallBack_RepeatedHourFiresOnce()
    {
        Assert.Equal(["2026-10-24T22:30", "2026-10-24T23:00", "2026-10-24T23:30", "2026-10-25T00:00", "2026-10-25T00:30",
                      "2026-10-25T02:00", "2026-10-25T02:30", "2026-10-25T03:00"],
            Slots("cron \"*/30 * * * *\" Europe/Berlin", "2026-10-24T22:00", "2026-10-25T03:00"));
    }

    [Fact]
    public void SlotsBetween_HalfHourlyCronOverSpringForward_GapTimesMergeIntoOneSlotEach()
    {
        // Local 02:00 and 02:30 shift onto 03:00 and 03:30 CEST, which the cron names anyway: one slot each.
        Assert.Equal(["2026-03-28T23:30", "2026-03-29T00:00", "2026-03-29T00:30", "2026-03-29T01:00", "2026-03-29T01:30", "2026-03-29T02:00"],
            Slots("cron \"*/30 * * * *\" Europe/Berlin", "2026-03-28T23:00", "2026-03-29T02:00"));
    }

    [Fact]
    public void SlotsBetween_WeeklyNewYorkAcrossUsDstStart_FollowsLocalTime()
    {
        // US daylight time starts 8 March 2026: EST (-5) becomes EDT (-4).
        Assert.Equal(["2026-03-02T14:30", "2026-03-09T13:30", "2026-03-16T13:30"],
            Slots("weekly monday 09:30 America/New_York", "2026-03-01T00:00", "2026-03-17T00:00"));
    }

    [Fact]
    public void SlotsBetween_WeekdayCronShanghai_FiresMondayToFridayAt0700Local()
    {
        // 1 June 2026 is a Monday; Shanghai is UTC+8 all year, so 07:00 local is 23:00Z the day before.
        Assert.Equal(["2026-05-31T23:00", "2026-06-01T23:00", "2026-06-02T23:00", "2026-06-03T23:00", "2026-06-04T23:00"],
            Slots("cron \"0 7 * * 1-5\" Asia/Shanghai", "2026-05-31T00:00", "2026-06-07T22:00"));
    }

    [Fact]
    public void SlotsBetween_NoTimeZone_UsesUtc()
    {
        Assert.Equal(["2026-01-01T08:00", "2026-01-02T08:00"], Slots("daily 08:00", "2025-12-31T08:00", "2026-01-02T08:00"));
    }

    [Fact]
    public void SlotsBetween_AfterIsExclusiveAndUntilInclusive()
    {
        Assert.Equal(["2026-01-02T08:00"], Slots("daily 08:00", "2026-01-01T08:00", "2026-01-02T08:00"));
        Assert.Empty(Slots("daily 08:00", "2026-01-01T08:00", "2026-01-02T07:59"));
        Assert.Empty(Slots("daily 08:00", "2026-01-02T08:00", "2026-01-01T08:00"));
    }

    [Fact]
    public void SlotsBetween_CronWithBothDayFields_MatchesEither()
    {
        // Vixie cron: "1st of the month or a Monday". 1 June 2026 is a Monday; 1 July 2026 a Wednesday.
        Assert.Equal(["2026-06-01T09:00", "2026-06-08T09:00", "2026-06-15T09:00", "2026-06-22T09:00", "2026-06-29T09:00", "2026-07-01T09:00"],
            Slots("cron \"0 9 1 * mon\"", "2026-05-31T00:00", "2026-07-05T00:00"));
    }

    [Fact]
    public void NextAfter_GivesTheFirstSlotOrNullForAScheduleThatNeverFires()
    {
        Assert.Equal(Utc("2026-03-29T06:00"), ScheduleCalculator.NextAfter(ScheduleParser.Parse("daily 08:00 Europe/Berlin"), Utc("2026-03-28T07:00")));
        Assert.Equal(Utc("2028-02-29T00:00"), ScheduleCalculator.NextAfter(ScheduleParser.Parse("cron \"0 0 29 2 *\""), Utc("2026-03-01T00:00")));
        Assert.Null(ScheduleCalculator.NextAfter(ScheduleParser.Parse("cron \"0 0 30 2 *\""), Utc("2026-03-01T00:00")));
    }

    [Fact]
    public void SlotsBetween_StoredScheduleWithUnknownZone_ThrowsNamingIt()
    {
        var schedule = new BriefingSchedule(ScheduleKind.Daily, new TimeOnly(8, 0), null, null, "Mars/Olympus_Mons");
        var ex = Assert.Throws<TimeZoneNotFoundException>(() => ScheduleCalculator.SlotsBetween(schedule, Utc("2026-01-01T00:00"), Utc("2026-01-02T00:00")));
        Assert.Contains("Mars/Olympus_Mons", ex.Message);
    }

    [Fact]
    public void TimeZones_IanaNamesResolveUnderInvariantGlobalization()
    {
        Assert.True(AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant);
        Assert.Equal(TimeSpan.FromHours(1), TimeZones.Find("Europe/Berlin").BaseUtcOffset);
        Assert.Equal(TimeSpan.FromHours(-5), TimeZones.Find("America/New_York").BaseUtcOffset);
        Assert.Equal(TimeSpan.FromHours(8), TimeZones.Find("Asia/Shanghai").BaseUtcOffset);
        Assert.Equal("Europe/Berlin", TimeZones.Find("europe/berlin").Id);
        Assert.Same(TimeZoneInfo.Utc, TimeZones.Find("Etc/UTC"));
        Assert.False(TimeZones.TryFind("../../etc/passwd", out _));
        Assert.False(TimeZones.TryFind("W. Europe Standard Time", out _));
    }
}
