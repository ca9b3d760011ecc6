using System.Globalization;
using System.Text.RegularExpressions;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Answering;

/// <summary>
/// Points out when a cited measure's status names a date ("suspended until 10 November 2026") that is already past,
/// so a reader does not take an expired status for the current one.
/// </summary>
public static partial class StaleStatusNotice
{
    [GeneratedRegex(@"\buntil (\d{1,2} [A-Z][a-z]+ \d{4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+ \d{1,2}, \d{4})")]
    private static partial Regex UntilDate();

    private static readonly string[] Formats = ["d MMMM yyyy", "yyyy-MM-dd", "MMMM d, yyyy"];

    public static string? For(AnswerContext context, IReadOnlyList<Citation> citations)
    {
        var cited = citations.Select(c => c.DocumentId).ToHashSet(StringComparer.Ordinal);
        foreach (var document in context.Passages.Select(p => p.Document).Where(d => cited.Contains(d.Id)).DistinctBy(d => d.Id))
        {
            var match = UntilDate().Match(document.Metadata.Status ?? "");
            if (!match.Success || !DateOnly.TryParseExact(match.Groups[1].Value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var until)) continue;
            if (until < context.Today)
                return $"Note: the status of \"{document.Title}\" runs until {until.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, which is before today ({context.Today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}); the indexed documents do not say what happened after that date.";
        }
        return null;
    }
}
