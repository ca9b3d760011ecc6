using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyBot.Core.Measures;

/// <summary>Finds written dates ("10 November 2026", "November 10, 2026") in status text and passage sentences.</summary>
internal static partial class TextDates
{
    public readonly record struct Found(DateOnly Date, int Index, int Length, string Preposition);

    private const string Months = "January|February|March|April|May|June|July|August|September|October|November|December";

    [GeneratedRegex(@"(?:\b(?<prep>from|until|till|to|by|before|after|through|on|since)\s+)?(?:\b(?<d>\d{1,2})\s+(?<m>" + Months + @")\s+(?<y>(?:19|20)\d{2})\b|\b(?<m2>" + Months + @")\s+(?<d2>\d{1,2}),\s+(?<y2>(?:19|20)\d{2})\b)", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    public static IEnumerable<Found> Find(string text)
    {
        foreach (Match m in DatePattern().Matches(text))
        {
            var (d, month, y) = m.Groups["d"].Success
                ? (m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value)
                : (m.Groups["d2"].Value, m.Groups["m2"].Value, m.Groups["y2"].Value);
            if (DateOnly.TryParseExact($"{d} {month} {y}", "d MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                yield return new Found(date, m.Index, m.Length, m.Groups["prep"].Value.ToLowerInvariant());
        }
    }

    /// <summary>True when <paramref name="text"/> states <paramref name="date"/> (the month only, for month-precision dates).</summary>
    public static bool Mentions(string text, DateOnly date, bool monthPrecision)
    {
        if (monthPrecision)
            return text.Contains(date.ToString("MMMM yyyy", CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
        return Find(text).Any(f => f.Date == date);
    }

    /// <summary>"2023-06" is a month-precision date.</summary>
    public static bool IsMonthPrecision(string? written) => written is { Length: 7 };
}
