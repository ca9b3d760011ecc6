using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PolicyBot.Core.Briefings.Scheduling;

/// <summary>One cron field as a bit set: <c>*</c>, numbers, names, lists (<c>,</c>), ranges (<c>-</c>) and steps (<c>/</c>).</summary>
internal sealed record CronField(string Name, int Min, int Max, string[]? Names = null)
{
    public static readonly CronField Minute = new("minute", 0, 59);
    public static readonly CronField Hour = new("hour", 0, 23);
    public static readonly CronField DayOfMonth = new("day-of-month", 1, 31);
    public static readonly CronField Month = new("month", 1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]);

    /// <summary>0–7, where both 0 and 7 are Sunday.</summary>
    public static readonly CronField DayOfWeek = new("day-of-week", 0, 7, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]);

    public bool TryParse(string text, out ulong bits, [NotNullWhen(false)] out string? error)
    {
        bits = 0;
        foreach (var item in text.Split(','))
        {
            if (!TryParseItem(item, out var itemBits, out error)) return false;
            bits |= itemBits;
        }
        if (this == DayOfWeek && (bits & (1UL << 7)) != 0) bits = (bits | 1UL) & ~(1UL << 7);
        error = null;
        return true;
    }

    private bool TryParseItem(string item, out ulong bits, [NotNullWhen(false)] out string? error)
    {
        bits = 0;
        var step = 1;
        var slash = item.IndexOf('/');
        var range = slash < 0 ? item : item[..slash];
        if (slash >= 0 && (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
        {
            error = $"cron {Name} field: step '{item[(slash + 1)..]}' in '{item}' must be a whole number of at least 1";
            return false;
        }

        int low, high;
        if (range == "*")
            (low, high) = (Min, Max);
        else
        {
            var dash = range.IndexOf('-');
            if (!TryValue(dash < 0 ? range : range[..dash], out low, out error)) return false;
            high = low;
            if (dash >= 0 && !TryValue(range[(dash + 1)..], out high, out error)) return false;
            if (dash < 0 && slash >= 0) high = Max;   // "5/15" means 5, 20, 35, 50
            if (low > high)
            {
                error = $"cron {Name} field: range '{range}' runs backwards";
                return false;
            }
        }

        for (var v = low; v <= high; v += step) bits |= 1UL << v;
        error = null;
        return true;
    }

    private bool TryValue(string text, out int value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            if (value >= Min && value <= Max) return true;
            error = $"cron {Name} field: {value} is out of range {Min}-{Max}";
            return false;
        }
        var index = Names is null ? -1 : Array.FindIndex(Names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            value = index + (this == Month ? 1 : 0);
            return true;
        }
        error = text.Length == 0
            ? $"cron {Name} field: a value is missing"
            : $"cron {Name} field: '{text}' is not a number{(Names is null ? "" : " or a name like " + Names[1])}";
        return false;
    }
}
