namespace PolicyBot.Core.Domain;

/// <summary>
/// What a source document says about itself: its front matter, or empty values for a document without any.
/// Dates are kept as written (<c>YYYY-MM-DD</c> or <c>YYYY-MM</c>); <see cref="PolicyDate"/> parses them.
/// </summary>
public sealed record DocumentMetadata
{
    public static DocumentMetadata Empty { get; } = new();

    public string? Jurisdiction { get; init; }
    public string? IssuingBody { get; init; }
    public string? InstrumentType { get; init; }
    public string? Announced { get; init; }
    public string? Effective { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<string> Materials { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Links to other documents by id, keyed by relation (<c>suspends</c>, <c>suspended_by</c>, <c>amends</c>, ...).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Relations { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Threshold figures found in the text at ingestion (not front matter), e.g. "25 percent", "$7,500", "60 percent of battery
    /// components"; null when the document was indexed before they were recorded. Briefings compare them across versions.
    /// </summary>
    public IReadOnlyList<string>? Thresholds { get; init; }

    public DateOnly? AnnouncedDate => PolicyDate.TryParse(Announced);
    public DateOnly? EffectiveDate => PolicyDate.TryParse(Effective);
    public string? PrimarySource => Sources.Count > 0 ? Sources[0] : null;

    public IEnumerable<string> RelatedDocumentIds => Relations.Values.SelectMany(ids => ids).Distinct(StringComparer.Ordinal);
}
