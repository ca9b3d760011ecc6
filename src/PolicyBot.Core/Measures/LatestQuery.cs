namespace PolicyBot.Core.Measures;

/// <summary>Filters for <see cref="MeasureRegister.LatestAsync"/>. Lists match any of their entries; empty lists do not filter.</summary>
public sealed record LatestQuery
{
    public const int DefaultLimit = 8;

    /// <summary>Jurisdictions, matched as whole words of the measure's jurisdiction ("Japan" matches "United States / Japan"; "US" means "United States").</summary>
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];

    /// <summary>Materials, matched as parts of the measure's materials ("graphite" matches "natural graphite").</summary>
    public IReadOnlyList<string> Materials { get; init; } = [];

    /// <summary>Inclusive lower bound on the announced date.</summary>
    public DateOnly? Since { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    public bool Matches(Measure measure) =>
        (Jurisdictions.Count == 0 || Jurisdictions.Any(j => EvidenceFinder.MentionsWord(measure.Jurisdiction, SubjectResolver.Canonical(j)))) &&
        (Materials.Count == 0 || Materials.Any(m => measure.Materials.Any(x => EvidenceFinder.Mentions(x, m.Trim())))) &&
        (Since is null || measure.Announced >= Since);
}
