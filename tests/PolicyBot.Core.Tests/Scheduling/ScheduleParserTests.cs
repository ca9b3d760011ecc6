using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Scheduling;

namespace PolicyBot.Core.Tests.Scheduling;

public sealed class ScheduleParserTests
{
    [Theory]
    [InlineData("daily 08:00 Europe/Berlin", ScheduleKind.Daily, "08:00", null, null, "Europe/Berlin")]
    [InlineData("Daily at 8:00", ScheduleKind.Daily, "08:00", null, null, "UTC")]
    [InlineData("weekly monday 09:30 America/New_York", ScheduleKind.Weekly, "09:30", DayOfWeek.Monday, null, "America/New_York")]
    [InlineData("weekly on Fri at 17:45 asia/tokyo", ScheduleKind.Weekly, "17:45", DayOfWeek.Friday, null, "Asia/Tokyo")]
    [InlineData("cron \"0 7 * * 1-5\" Asia/Shanghai", ScheduleKind.Cron, null, null, "0 7 * * 1-5", "Asia/Shanghai")]
    [InlineData("cron “0  7 * * MON-FRI”", ScheduleKind.Cron, null, null, "0 7 * * MON-FRI", "UTC")]
    [InlineData("cron 30 6 1,15 * * Europe/Paris", ScheduleKind.Cron, null, null, "30 6 1,15 * *", "Europe/Paris")]
    [InlineData("daily 23:59 etc/utc", ScheduleKind.Daily, "23:59", null, null, "UTC")]
    public void TryParse_ValidText_ReturnsSchedule(string text, ScheduleKind kind, string? at, DayOfWeek? day, string? cron, string zone)
    {
        Assert.True(ScheduleParser.TryParse(text, out var schedule, out var error), error);
        Assert.Equal(new BriefingSchedule(kind, at is null ? null : TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture), day, cron, zone), schedule);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("hourly 08:00", "'hourly' is not a schedule")]
    [InlineData("daily", "time of day is missing")]
    [InlineData("daily 25:00", "'25:00' is not a time of day")]
    [InlineData("daily 8am", "'8am' is not a time of day")]
    [InlineData("weekly funday 09:00", "'funday' is not a day of the week")]
    [InlineData("weekly 09:00", "'09:00' is not a day of the week")]
    [InlineData("daily 08:00 Mars/Olympus", "'Mars/Olympus' is not a known IANA time zone")]
    [InlineData("daily 08:00 Europe/Berlin please", "Unexpected 'please'")]
    [InlineData("cron \"0 7 * *\"", "five fields")]
    [InlineData("cron \"61 7 * * *\"", "minute field: 61 is out of range 0-59")]
    [InlineData("cron \"0 7 * * 5-1\"", "day-of-week field: range '5-1' runs backwards")]
    [InlineData("cron \"0 */0 * * *\"", "hour field: step '0'")]
    [InlineData("cron \"0 7 * foo *\"", "month field: 'foo' is not a number or a name like feb")]
    [InlineData("cron \"0 7 * * 1-5 Asia/Shanghai", "closing quote is missing")]
    public void TryParse_InvalidText_ExplainsWhy(string text, string expected)
    {
        Assert.False(ScheduleParser.TryParse(text, out var schedule, out var error));
        Assert.Null(schedule);
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("daily 08:00 Europe/Berlin")]
    [InlineData("weekly monday 09:30 America/New_York")]
    [InlineData("cron \"0 7 * * 1-5\" Asia/Shanghai")]
    [InlineData("daily 06:05 UTC")]
    public void Format_ParsesBackToTheSameSchedule(string text)
    {
        var schedule = ScheduleParser.Parse(text);
        Assert.Equal(text, ScheduleText.Format(schedule));
        Assert.Equal(schedule, ScheduleParser.Parse(ScheduleText.Format(schedule)));
    }
}
