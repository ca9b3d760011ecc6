using PolicyBot.Core.Domain;
using PolicyBot.Core.Measures;

namespace PolicyBot.Core.Briefings.Composition;

/// <summary>Field-level before → after lines for a changed measure: "status: in force → suspended until 10 November 2026".</summary>
public static class MetadataDiff
{
    public const string Arrow = " → ";
    public const string NotSet = "not set";
    public const string TextOnly = "text revised; title, status, dates, materials and thresholds unchanged";

    public static IReadOnlyList<string> Describe(DocumentMetadata? before, DocumentMetadata? after, string? titleBefore = null, string? titleAfter = null)
    {
        before ??= DocumentMetadata.Empty;
        after ??= DocumentMetadata.Empty;
        var lines = new List<string>();
        if (titleBefore is not null && titleAfter is not null && !string.Equals(titleBefore.Trim(), titleAfter.Trim(), StringComparison.Ordinal))
            lines.Add(Line("title", titleBefore, titleAfter));
        AddIfChanged(lines, "status", before.Status, after.Status);
        AddIfChanged(lines, "announced", PolicyDate.Format(before.Announced), PolicyDate.Format(after.Announced));
        AddIfChanged(lines, "effective", PolicyDate.Format(before.Effective), PolicyDate.Format(after.Effective));
        if (!SameSet(before.Materials, after.Materials))
            lines.Add(Line("materials", Join(before.Materials), Join(after.Materials)));
        AddIfChanged(lines, "jurisdiction", before.Jurisdiction, after.Jurisdiction);
        AddIfChanged(lines, "instrument type", before.InstrumentType, after.InstrumentType);
        AddThresholds(lines, before.Thresholds, after.Thresholds);
        if (lines.Count == 0) lines.Add(TextOnly);
        return lines;
    }

    /// <summary>
    /// "threshold: 50 percent of battery components → 60 percent of battery components": the figures only the old text stated,
    /// then those only the new one states. Nothing when either version was indexed before thresholds were recorded.
    /// </summary>
    private static void AddThresholds(List<string> lines, IReadOnlyList<string>? before, IReadOnlyList<string>? after)
    {
        if (before is null || after is null) return;
        var (gone, added) = ThresholdFacts.Difference(before, after);
        if (gone.Count == 0 && added.Count == 0) return;
        lines.Add(Line(gone.Count + added.Count > 2 ? "thresholds" : "threshold", Join(Shorten(gone)), Join(Shorten(added))));
    }

    private static IReadOnlyList<string> Shorten(IReadOnlyList<string> facts) =>
        facts.Count <= MaxThresholdsShown ? facts : [.. facts.Take(MaxThresholdsShown), $"{facts.Count - MaxThresholdsShown} more"];

    private const int MaxThresholdsShown = 4;

    private static void AddIfChanged(List<string> lines, string field, string? before, string? after)
    {
        if (!string.Equals(Normalize(before), Normalize(after), StringComparison.Ordinal))
            lines.Add(Line(field, before, after));
    }

    private static string Line(string field, string? before, string? after) =>
        $"{field}: {Normalize(before) ?? NotSet}{Arrow}{Normalize(after) ?? NotSet}";

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Join(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join(", ", values);

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Select(x => x.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(b.Select(x => x.Trim()));
}
