using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Measures;

/// <summary>
/// A policy measure as the register knows it: the document's front matter, with dates parsed. Dates may have month
/// precision ("2023-06" → 1 June 2023); <see cref="AnnouncedText"/> and <see cref="EffectiveText"/> keep them as written.
/// </summary>
public sealed record Measure(
    string Id,
    string Title,
    string? Jurisdiction,
    string? IssuingBody,
    string? InstrumentType,
    IReadOnlyList<string> Materials,
    DateOnly? Announced,
    DateOnly? Effective,
    string? Status,
    string? Url,
    IReadOnlyList<MeasureLink> Links)
{
    public string? AnnouncedText { get; init; }
    public string? EffectiveText { get; init; }

    /// <summary>The date a measure enters a timeline: announced, else effective.</summary>
    public DateOnly? Date => Announced ?? Effective;

    public static Measure From(DocumentRecord document)
    {
        var m = document.Metadata;
        var links = m.Relations
            .SelectMany(r => r.Value.Select(target => new MeasureLink(r.Key, target)))
            .OrderBy(l => MeasureRelations.Order(l.Relation)).ThenBy(l => l.TargetId, StringComparer.Ordinal)
            .ToList();
        return new Measure(document.Id, document.Title, m.Jurisdiction, m.IssuingBody, m.InstrumentType, m.Materials,
            m.AnnouncedDate, m.EffectiveDate, m.Status, m.PrimarySource, links)
        {
            AnnouncedText = m.Announced,
            EffectiveText = m.Effective,
        };
    }
}

/// <summary>A link the documents state between two measures, e.g. (<c>suspended_by</c>, <c>cn-announcement-70-2025-suspension</c>).</summary>
public sealed record MeasureLink(string Relation, string TargetId);
