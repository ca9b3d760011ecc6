using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PolicyBot.Core.Briefings.Scheduling;

/// <summary>
/// Reads a schedule as a user types it: <c>daily 08:00 Europe/Berlin</c>, <c>weekly monday 09:30 America/New_York</c>,
/// <c>cron "0 7 * * 1-5" Asia/Shanghai</c>. The time zone is an IANA name and defaults to UTC; times are 24-hour HH:MM.
/// "at" before a time and "on" before a day are allowed. Errors are values: a sentence the user can act on.
/// </summary>
public static class ScheduleParser
{
    public const string Examples = "daily 08:00 Europe/Berlin, weekly monday 09:30 America/New_York, cron \"0 7 * * 1-5\" Asia/Shanghai";

    private static readonly char[] _quotes = ['"', '\'', '`', '\u201C', '\u201D', '\u2018', '\u2019'];

    public static BriefingSchedule Parse(string text) =>
        TryParse(text, out var schedule, out var error) ? schedule : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out BriefingSchedule? schedule, [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        text = text?.Trim() ?? "";
        var space = text.IndexOfAny([' ', '\t']);
        var kind = (space < 0 ? text : text[..space]).ToLowerInvariant();
        var rest = space < 0 ? "" : text[(space + 1)..].Trim();
        if (kind == "cron") return TryParseCron(rest, out schedule, out error);

        var words = new Queue<string>(rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        DayOfWeek? day = null;
        switch (kind)
        {
            case "daily":
                break;
            case "weekly":
                SkipWord(words, "on");
                if (!TryDay(words.Count > 0 ? words.Dequeue() : null, out var d, out error)) return false;
                day = d;
                break;
            case "":
                error = $"The schedule is empty. Try: {Examples}.";
                return false;
            default:
                error = $"'{kind}' is not a schedule. Use daily, weekly or cron, e.g. {Examples}.";
                return false;
        }
        SkipWord(words, "at");
        if (!TryTime(words.Count > 0 ? words.Dequeue() : null, out var at, out error)) return false;
        if (!TryZone(words, out var zone, out error)) return false;
        schedule = new BriefingSchedule(day is null ? ScheduleKind.Daily : ScheduleKind.Weekly, at, day, null, zone);
        return true;
    }

    private static bool TryParseCron(string rest, [NotNullWhen(true)] out BriefingSchedule? schedule, [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        string expression;
        Queue<string> after;
        if (rest.Length > 0 && _quotes.Contains(rest[0]))
        {
            var close = rest.IndexOfAny(_quotes, 1);
            if (close < 0)
            {
                error = $"The cron expression's closing quote is missing, e.g. cron \"0 7 * * 1-5\" Asia/Shanghai.";
                return false;
            }
            expression = rest[1..close];
            after = new Queue<string>(rest[(close + 1)..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        else
        {
            var words = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            expression = string.Join(' ', words.Take(5));
            after = new Queue<string>(words.Skip(5));
        }
        if (!CronExpression.TryParse(expression, out var cron, out var cronError))
        {
            error = char.ToUpperInvariant(cronError[0]) + cronError[1..] + ".";
            return false;
        }
        if (!TryZone(after, out var zone, out error)) return false;
        schedule = new BriefingSchedule(ScheduleKind.Cron, null, null, cron.Text, zone);
        return true;
    }

    private static void SkipWord(Queue<string> words, string word)
    {
        if (words.TryPeek(out var next) && next.Equals(word, StringComparison.OrdinalIgnoreCase)) words.Dequeue();
    }

    private static bool TryTime(string? word, out TimeOnly at, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (word is not null && TimeOnly.TryParseExact(word, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out at)) return true;
        at = default;
        error = word is null
            ? "A time of day is missing: use HH:MM (24-hour), e.g. daily 08:00."
            : $"'{word}' is not a time of day: use HH:MM (24-hour), e.g. 08:00 or 17:30.";
        return false;
    }

    private static bool TryDay(string? word, out DayOfWeek day, [NotNullWhen(false)] out string? error)
    {
        error = null;
        day = default;
        if (word is not null && word.Length >= 3)
            foreach (var candidate in Enum.GetValues<DayOfWeek>())
                if (candidate.ToString().StartsWith(word, StringComparison.OrdinalIgnoreCase))
                {
                    day = candidate;
                    return true;
                }
        error = word is null
            ? "A day of the week is missing, e.g. weekly monday 09:30."
            : $"'{word}' is not a day of the week (monday ... sunday, or mon ... sun).";
        return false;
    }

    private static bool TryZone(Queue<string> words, out string zone, [NotNullWhen(false)] out string? error)
    {
        zone = TimeZones.Utc;
        error = null;
        if (words.Count == 0) return true;
        var name = words.Dequeue();
        if (words.Count > 0)
        {
            error = $"Unexpected '{string.Join(' ', words)}' after the time zone. Try: {Examples}.";
            return false;
        }
        if (!TimeZones.TryFind(name, out var found))
        {
            error = $"'{name}' is not a known IANA time zone; use a name like Europe/Berlin, America/New_York or UTC.";
            return false;
        }
        zone = TimeZones.CanonicalName(found);
        return true;
    }
}
