namespace PolicyBot.Core.Domain;

/// <summary>Restricts a search to documents whose metadata match. Null members do not filter.</summary>
public sealed record SearchFilter
{
    public static SearchFilter None { get; } = new();

    public string? Jurisdiction { get; init; }
    public string? Material { get; init; }
    public string? InstrumentType { get; init; }
    /// <summary>Inclusive lower bound on the announced date.</summary>
    public DateOnly? AnnouncedFrom { get; init; }
    /// <summary>Inclusive upper bound on the announced date.</summary>
    public DateOnly? AnnouncedTo { get; init; }

    public bool IsEmpty => Jurisdiction is null && Material is null && InstrumentType is null && AnnouncedFrom is null && AnnouncedTo is null;

    public bool Matches(DocumentMetadata metadata)
    {
        if (Jurisdiction is not null && !ContainsIgnoreCase(metadata.Jurisdiction, Jurisdiction)) return false;
        if (InstrumentType is not null && !string.Equals(metadata.InstrumentType, InstrumentType, StringComparison.OrdinalIgnoreCase)) return false;
        if (Material is not null && !metadata.Materials.Any(m => ContainsIgnoreCase(m, Material))) return false;
        if (AnnouncedFrom is not null || AnnouncedTo is not null)
        {
            var announced = metadata.AnnouncedDate;
            if (announced is null) return false;
            if (AnnouncedFrom is not null && announced < AnnouncedFrom) return false;
            if (AnnouncedTo is not null && announced > AnnouncedTo) return false;
        }
        return true;
    }

    // "United States / Japan" matches a filter on "Japan"; "rare earths" matches "rare earth".
    private static bool ContainsIgnoreCase(string? value, string wanted) =>
        value is not null && value.Contains(wanted.Trim(), StringComparison.OrdinalIgnoreCase);
}
