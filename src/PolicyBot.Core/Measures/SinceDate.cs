using System.Text.RegularExpressions;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Measures;

/// <summary>Reads a <c>--since</c> value: a date ("2025-06-01", "2025-06", "2025") or a span back from today ("90d", "12w", "6m", "1y").</summary>
public static partial class SinceDate
{
    public const string Formats = "YYYY-MM-DD, YYYY-MM, YYYY, or a span back from today such as 90d, 12w, 6m or 1y";

    [GeneratedRegex(@"^(\d{1,4})\s*([dwmy])$", RegexOptions.IgnoreCase)]
    private static partial Regex Span();

    public static bool TryParse(string? text, DateOnly today, out DateOnly since)
    {
        since = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (PolicyDate.TryParse(text) is { } date)
        {
            since = date;
            return true;
        }
        var m = Span().Match(text.Trim());
        if (!m.Success) return false;
        var n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        since = char.ToLowerInvariant(m.Groups[2].Value[0]) switch
        {
            'd' => today.AddDays(-n),
            'w' => today.AddDays(-7 * n),
            'm' => today.AddMonths(-n),
            _ => today.AddYears(-Math.Min(n, 1000)),
        };
        return true;
    }
}
