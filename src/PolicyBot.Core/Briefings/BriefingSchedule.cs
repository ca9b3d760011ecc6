namespace PolicyBot.Core.Briefings;

public enum ScheduleKind { Daily, Weekly, Cron }

/// <summary>When a channel's briefing is due: daily at a time, weekly on a day at a time, or a cron expression, in an IANA time zone.</summary>
/// <param name="At">Local time of day (daily and weekly).</param>
/// <param name="Day">Day of the week (weekly).</param>
/// <param name="Cron">Five-field cron expression (minute hour day-of-month month day-of-week).</param>
/// <param name="TimeZone">IANA name, e.g. "Europe/Berlin"; "UTC" by default.</param>
public sealed record BriefingSchedule(ScheduleKind Kind, TimeOnly? At, DayOfWeek? Day, string? Cron, string TimeZone);
