using System.Globalization;

namespace PolicyBot.Core.Briefings.Scheduling;

/// <summary>A schedule in the words <see cref="ScheduleParser"/> reads: "daily 08:00 Europe/Berlin" (for <c>brief list</c>).</summary>
public static class ScheduleText
{
    public static string Format(BriefingSchedule schedule) => schedule.Kind switch
    {
        ScheduleKind.Daily => $"daily {Time(schedule)} {schedule.TimeZone}",
        ScheduleKind.Weekly => $"weekly {schedule.Day?.ToString().ToLowerInvariant()} {Time(schedule)} {schedule.TimeZone}",
        _ => $"cron \"{schedule.Cron}\" {schedule.TimeZone}",
    };

    private static string Time(BriefingSchedule schedule) => schedule.At?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "??:??";
}
