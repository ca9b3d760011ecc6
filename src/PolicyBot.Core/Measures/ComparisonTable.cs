namespace PolicyBot.Core.Measures;

/// <summary>
/// <c>compare</c>'s table: a row per measure of each compared jurisdiction (or per named measure), and the columns in
/// <see cref="Columns"/>. Every cell is quoted from a passage, or says <see cref="ComparisonCell.NotFound"/>.
/// </summary>
/// <param name="Unresolved">Subjects that named no indexed jurisdiction or measure.</param>
public sealed record ComparisonTable(IReadOnlyList<string> Columns, IReadOnlyList<ComparisonRow> Rows, IReadOnlyList<string> Unresolved, string? Material)
{
    public const string Scope = "Scope", Thresholds = "Thresholds", Obligations = "Licensing or obligations", EffectiveDate = "Effective date", Status = "Status";

    public static IReadOnlyList<string> DefaultColumns { get; } = [Scope, Thresholds, Obligations, EffectiveDate, Status];
}

/// <param name="Subject">What the user named: a jurisdiction ("United States") or a measure.</param>
/// <param name="Measure">Null when nothing in the documents matches the subject.</param>
/// <param name="Evidence">What identifies the measure (its first sentence); null without a measure.</param>
/// <param name="Cells">One per column, in order.</param>
public sealed record ComparisonRow(string Subject, Measure? Measure, Evidence? Evidence, IReadOnlyList<ComparisonCell> Cells);

/// <param name="Evidence">The quoted sentence; null only for <see cref="NotFound"/> cells.</param>
public sealed record ComparisonCell(string Text, Evidence? Evidence)
{
    public const string NotFound = "not found in the documents";

    public static ComparisonCell Missing { get; } = new(NotFound, null);
}
