using System.Diagnostics.CodeAnalysis;

namespace PolicyBot.Core.Briefings.Scheduling;

/// <summary>
/// A five-field cron expression: minute hour day-of-month month day-of-week, each with <c>*</c>, lists, ranges, steps and
/// (month, day-of-week) three-letter names. As in Vixie cron, when both day fields are restricted a day matches either.
/// </summary>
public sealed class CronExpression
{
    private readonly ulong _minutes, _hours, _days, _months, _weekdays;
    private readonly bool _anyDayOfMonth, _anyDayOfWeek;

    private CronExpression(string text, ulong[] bits, bool anyDayOfMonth, bool anyDayOfWeek)
    {
        Text = text;
        (_minutes, _hours, _days, _months, _weekdays) = (bits[0], bits[1], bits[2], bits[3], bits[4]);
        (_anyDayOfMonth, _anyDayOfWeek) = (anyDayOfMonth, anyDayOfWeek);
        var times = new List<TimeOnly>();
        for (var h = 0; h < 24; h++)
            for (var m = 0; (_hours & (1UL << h)) != 0 && m < 60; m++)
                if ((_minutes & (1UL << m)) != 0) times.Add(new TimeOnly(h, m));
        TimesOfDay = times;
    }

    /// <summary>The expression with single spaces between its fields.</summary>
    public string Text { get; }

    /// <summary>Every local time of day the expression fires at, ascending.</summary>
    public IReadOnlyList<TimeOnly> TimesOfDay { get; }

    public static CronExpression Parse(string text) =>
        TryParse(text, out var cron, out var error) ? cron : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out CronExpression? cron, [NotNullWhen(false)] out string? error)
    {
        cron = null;
        var fields = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            error = $"a cron expression has five fields (minute hour day-of-month month day-of-week), e.g. \"0 7 * * 1-5\"; '{text}' has {fields.Length}";
            return false;
        }
        CronField[] specs = [CronField.Minute, CronField.Hour, CronField.DayOfMonth, CronField.Month, CronField.DayOfWeek];
        var bits = new ulong[5];
        for (var i = 0; i < 5; i++)
            if (!specs[i].TryParse(fields[i], out bits[i], out error)) return false;
        cron = new CronExpression(string.Join(' ', fields), bits, fields[2].StartsWith('*'), fields[4].StartsWith('*'));
        error = null;
        return true;
    }

    /// <summary>Whether the expression fires on this local date (day-of-month, month and day-of-week).</summary>
    public bool MatchesDate(DateOnly date)
    {
        if ((_months & (1UL << date.Month)) == 0) return false;
        var dayOfMonth = (_days & (1UL << date.Day)) != 0;
        var dayOfWeek = (_weekdays & (1UL << (int)date.DayOfWeek)) != 0;
        return (_anyDayOfMonth, _anyDayOfWeek) switch
        {
            (false, false) => dayOfMonth || dayOfWeek,
            _ => dayOfMonth && dayOfWeek,
        };
    }

    public override string ToString() => Text;
}
