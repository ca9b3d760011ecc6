using System.Globalization;
using System.Text.RegularExpressions;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Briefings.Composition;

/// <summary>
/// A dated event of a current document in a window: its effective date, or a date its status names
/// ("suspended … until 10 November 2026", "payable … from 1 July 2027"). Only day-precise dates count:
/// "2026-01" does not say on which day something happens.
/// </summary>
public sealed partial record UpcomingDate(DocumentRecord Document, DateOnly Date, string What)
{
    [GeneratedRegex(@"\b(until|from) (\d{1,2} [A-Z][a-z]+ \d{4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+ \d{1,2}, \d{4})")]
    private static partial Regex StatusDate();

    private static readonly string[] Formats = ["d MMMM yyyy", "yyyy-MM-dd", "MMMM d, yyyy"];

    /// <summary>The events on or after <paramref name="from"/> and at most <paramref name="days"/> days later, by date then document id.</summary>
    public static IReadOnlyList<UpcomingDate> Find(IEnumerable<DocumentRecord> documents, DateOnly from, int days)
    {
        var to = from.AddDays(days);
        var found = new List<UpcomingDate>();
        foreach (var document in documents)
        {
            var events = new List<UpcomingDate>();
            var effective = document.Metadata.Effective?.Trim();
            if (effective is { Length: 10 } && PolicyDate.TryParse(effective) is { } day)
                events.Add(new UpcomingDate(document, day, $"takes effect on {Format(day)}"));
            foreach (Match m in StatusDate().Matches(document.Metadata.Status ?? ""))
            {
                if (!DateOnly.TryParseExact(m.Groups[2].Value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) continue;
                var verb = m.Groups[1].Value == "until" ? "ends" : "starts";
                events.Add(new UpcomingDate(document, date, $"status {verb} on {Format(date)} ({document.Metadata.Status!.Trim()})"));
            }
            found.AddRange(events.Where(e => e.Date >= from && e.Date <= to).DistinctBy(e => e.Date));
        }
        return [.. found.OrderBy(e => e.Date).ThenBy(e => e.Document.Id, StringComparer.Ordinal).ThenBy(e => e.What, StringComparer.Ordinal)];
    }

    private static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
