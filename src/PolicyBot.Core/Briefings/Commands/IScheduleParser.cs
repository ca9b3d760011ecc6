namespace PolicyBot.Core.Briefings.Commands;

/// <summary>
/// Reads schedule text such as <c>daily 08:00 Europe/Berlin</c>, <c>weekly monday 09:30 UTC</c> or
/// <c>cron "0 7 * * 1-5" Asia/Shanghai</c> (the scheduler provides the implementation).
/// </summary>
public interface IScheduleParser
{
    /// <param name="text">The schedule exactly as the user wrote it, quotes included.</param>
    /// <param name="error">When parsing fails: a short explanation for the user.</param>
    bool TryParse(string text, out BriefingSchedule? schedule, out string? error);
}
