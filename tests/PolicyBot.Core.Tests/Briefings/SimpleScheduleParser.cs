using System.Globalization;
using System.Text.RegularExpressions;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Commands;

namespace PolicyBot.Core.Tests.Briefings;

/// <summary>
/// Enough of the schedule grammar for command tests ("daily 08:00 Zone", "weekly monday 09:30 Zone", "cron "m h dom mon dow" Zone");
/// the real parser is the scheduler's. Records the texts it was given.
/// </summary>
internal sealed partial class SimpleScheduleParser : IScheduleParser
{
    [GeneratedRegex(@"^daily (\d{2}:\d{2})(?: (\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Daily();

    [GeneratedRegex(@"^weekly ([a-z]+) (\d{2}:\d{2})(?: (\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Weekly();

    [GeneratedRegex(@"^cron [""“]([^""”]+)[""”](?: (\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Cron();

    public List<string> Seen { get; } = [];

    public bool TryParse(string text, out BriefingSchedule? schedule, out string? error)
    {
        Seen.Add(text);
        (schedule, error) = (null, null);
        if (Daily().Match(text) is { Success: true } d)
            schedule = new BriefingSchedule(ScheduleKind.Daily, Time(d.Groups[1].Value), null, null, Zone(d.Groups[2]));
        else if (Weekly().Match(text) is { Success: true } w && Enum.TryParse<DayOfWeek>(w.Groups[1].Value, ignoreCase: true, out var day))
            schedule = new BriefingSchedule(ScheduleKind.Weekly, Time(w.Groups[2].Value), day, null, Zone(w.Groups[3]));
        else if (Cron().Match(text) is { Success: true } c)
            schedule = new BriefingSchedule(ScheduleKind.Cron, null, null, c.Groups[1].Value, Zone(c.Groups[2]));
        else
            error = "expected daily, weekly or cron";
        return schedule is not null;
    }

    private static TimeOnly Time(string value) => TimeOnly.ParseExact(value, "HH:mm", CultureInfo.InvariantCulture);

    private static string Zone(Group group) => group.Success ? group.Value : "UTC";
}
