using System.Globalization;

namespace PolicyBot.Core.Domain;

/// <summary>Parses and formats the partial ISO dates used in policy metadata.</summary>
public static class PolicyDate
{
    public static DateOnly? TryParse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return month;
        if (DateOnly.TryParseExact(text, "yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var year)) return year;
        return null;
    }

    /// <summary>"8 November 2025", or "November 2025" when only the month is known.</summary>
    public static string? Format(string? value)
    {
        var date = TryParse(value);
        if (date is null) return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var text = value!.Trim();
        return text.Length switch
        {
            4 => date.Value.ToString("yyyy", CultureInfo.InvariantCulture),
            7 => date.Value.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
            _ => date.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        };
    }
}
