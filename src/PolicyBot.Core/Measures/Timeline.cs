namespace PolicyBot.Core.Measures;

/// <summary>The measures about a material or jurisdiction in date order, with the suspensions and amendments linked to them.</summary>
/// <param name="Jurisdiction">The jurisdiction the subject was read as, if any.</param>
/// <param name="Material">The material the subject was read as, if any.</param>
public sealed record Timeline(string Subject, string? Jurisdiction, string? Material, IReadOnlyList<TimelineEntry> Entries);

/// <param name="Evidence">The sentence stating when the measure was announced (or its first sentence).</param>
/// <param name="Links">What the documents say changes this measure, or what it changes (<c>related</c> links are left out).</param>
/// <param name="Upcoming">Dates after today: the effective date, or a date in the status ("until 10 November 2026").</param>
public sealed record TimelineEntry(Measure Measure, string Summary, Evidence Evidence, IReadOnlyList<TimelineLink> Links, IReadOnlyList<UpcomingEvent> Upcoming);

/// <param name="TargetTitle">Null when the linked document is not indexed.</param>
public sealed record TimelineLink(string Relation, string TargetId, string? TargetTitle, DateOnly? TargetDate);
