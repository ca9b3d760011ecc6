using PolicyBot.Core.Briefings.Scheduling;

namespace PolicyBot.Core.Tests.Scheduling;

public sealed class CronExpressionTests
{
    [Theory]
    [InlineData("*/15 * * * *", "00:00,00:15,00:30,00:45", 96)]
    [InlineData("5/20 9 * * *", "09:05,09:25,09:45", 3)]
    [InlineData("0,30 8-9 * * *", "08:00,08:30,09:00,09:30", 4)]
    [InlineData("0 9-17/4 * * *", "09:00,13:00,17:00", 3)]
    public void TimesOfDay_ListsRangesAndSteps(string text, string firstTimes, int count)
    {
        var cron = CronExpression.Parse(text);
        Assert.Equal(firstTimes, string.Join(',', cron.TimesOfDay.Take(firstTimes.Split(',').Length).Select(t => t.ToString("HH:mm"))));
        Assert.Equal(count, cron.TimesOfDay.Count);
    }

    [Theory]
    [InlineData("0 0 * * 0", "2026-06-07", true)]    // Sunday as 0
    [InlineData("0 0 * * 7", "2026-06-07", true)]    // and as 7
    [InlineData("0 0 * * sun", "2026-06-08", false)]
    [InlineData("0 0 * * mon-fri", "2026-06-08", true)]
    [InlineData("0 0 1 jan,jul *", "2026-07-01", true)]
    [InlineData("0 0 1 jan,jul *", "2026-06-01", false)]
    [InlineData("0 0 */2 * *", "2026-06-03", true)]   // 1, 3, 5, ...
    [InlineData("0 0 */2 * *", "2026-06-04", false)]
    [InlineData("0 0 15 * 1", "2026-06-08", true)]    // a Monday, not the 15th: either day field matches
    [InlineData("0 0 15 * */2", "2026-06-16", false)] // a Tuesday but "*" starts the field: both must match
    public void MatchesDate_DayFields(string text, string date, bool expected)
    {
        Assert.Equal(expected, CronExpression.Parse(text).MatchesDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
