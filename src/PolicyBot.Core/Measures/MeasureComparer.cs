using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Measures;

/// <summary>Fills one comparison row from a measure's sentences: scope, thresholds, obligations, effective date, status.</summary>
internal static class MeasureComparer
{
    public const int MaxRowsPerSubject = 4, MaxCellLength = 240;

    /// <summary>A jurisdiction's measures, the ones most about <paramref name="material"/> first, then the newest.</summary>
    public static IEnumerable<Measure> Rank(IEnumerable<Measure> measures, string? material) =>
        measures
            .Where(m => material is null || Relevance(m, material) > 0)
            .OrderByDescending(m => material is null ? 0 : Relevance(m, material))
            .ThenByDescending(m => m.Date ?? DateOnly.MinValue)
            .ThenBy(m => m.Title, StringComparer.Ordinal);

    public static ComparisonRow Row(string subject, Measure measure, DocumentText text, string? material)
    {
        var scope = EvidenceFinder.Scope(text, measure.Materials, material);
        var threshold = EvidenceFinder.Threshold(text, material);
        var obligation = EvidenceFinder.Obligation(text, material);
        var status = measure.Status is { } s ? EvidenceFinder.Status(text, s) : null;
        var identity = EvidenceFinder.Summary(text);
        IReadOnlyList<ComparisonCell> cells =
        [
            scope is null ? ComparisonCell.Missing : new ComparisonCell(Shorten(scope.Text), text.Cite(scope)),
            threshold is { } t ? new ComparisonCell(t.Figures, text.Cite(t.Sentence)) : ComparisonCell.Missing,
            obligation is null ? ComparisonCell.Missing : new ComparisonCell(Shorten(obligation.Text), text.Cite(obligation)),
            EffectiveCell(measure, text),
            status is null ? ComparisonCell.Missing : new ComparisonCell(Shorten(measure.Status!), text.Cite(status)),
        ];
        return new ComparisonRow(subject, measure, identity is null ? null : text.Cite(identity), cells);
    }

    public static ComparisonRow Missing(string subject) =>
        new(subject, null, null, ComparisonTable.DefaultColumns.Select(_ => ComparisonCell.Missing).ToList());

    // The front matter's effective date, shown only when a passage states it; no date is read out of other sentences,
    // since a document often mentions the dates of related measures.
    private static ComparisonCell EffectiveCell(Measure measure, DocumentText text)
    {
        if (measure.Effective is not { } effective) return ComparisonCell.Missing;
        var stated = EvidenceFinder.DateStated(text, effective, TextDates.IsMonthPrecision(measure.EffectiveText));
        return stated is null ? ComparisonCell.Missing : new ComparisonCell(PolicyDate.Format(measure.EffectiveText)!, text.Cite(stated));
    }

    private static int Relevance(Measure m, string material) =>
        (m.Materials.Any(x => string.Equals(x, material, StringComparison.OrdinalIgnoreCase)) ? 2 : m.Materials.Any(x => EvidenceFinder.Mentions(x, material)) ? 1 : 0)
        + (EvidenceFinder.Mentions(m.Title, material) ? 2 : 0);

    internal static string Shorten(string text)
    {
        if (text.Length <= MaxCellLength) return text;
        var cut = text.LastIndexOf(' ', MaxCellLength - 1);
        return string.Concat(text.AsSpan(0, cut > MaxCellLength / 2 ? cut : MaxCellLength - 1), "…");
    }
}
