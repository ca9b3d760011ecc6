using System.Globalization;

namespace PolicyBot.Core.Briefings.Commands;

/// <summary>Describes a schedule for people: "daily at 08:00 (Europe/Berlin)", "weekly on Monday at 09:30 (UTC)", "cron 0 7 * * 1-5 (Asia/Shanghai)".</summary>
public static class ScheduleText
{
    public static string Describe(BriefingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var at = schedule.At?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "?";
        var when = schedule.Kind switch
        {
            ScheduleKind.Daily => $"daily at {at}",
            ScheduleKind.Weekly => $"weekly on {schedule.Day?.ToString() ?? "?"} at {at}",
            _ => $"cron {schedule.Cron}",
        };
        return $"{when} ({schedule.TimeZone})";
    }
}
