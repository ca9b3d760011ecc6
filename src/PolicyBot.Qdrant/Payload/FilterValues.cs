using PolicyBot.Core.Domain;

namespace PolicyBot.Qdrant.Payload;

/// <summary>
/// How document metadata is stored for filtering, and how a <see cref="SearchFilter"/> value is normalised to match it.
/// The embedded index matches jurisdiction and material by case-insensitive substring; Qdrant has no such condition on an
/// indexed field, so:
/// <list type="bullet">
/// <item>jurisdiction is stored as lower-case keywords: the whole value and each part between '/', ',', ';', '(' and ')'
/// ("United States / Japan" → "united states / japan", "united states", "japan"); the filter matches one exactly. So
/// "Japan" and "United States" match as in the embedded index, but a fragment such as "United" or "States" does not;</item>
/// <item>materials are stored lower-cased under a full-text index with the prefix tokenizer; the filter matches when every
/// word of it starts a word of one material ("graph" and "graphite" match "natural graphite", "rare earth" matches
/// "rare earths"), but not a fragment from inside a word ("phite");</item>
/// <item>instrument type is stored lower-cased and matched exactly, like the embedded index's case-insensitive equality;</item>
/// <item>announced is stored as the integer yyyymmdd of <see cref="DocumentMetadata.AnnouncedDate"/> ("2024-02" → 20240201)
/// and filtered with an inclusive range, as in the embedded index.</item>
/// </list>
/// </summary>
internal static class FilterValues
{
    private static readonly char[] JurisdictionSeparators = ['/', ',', ';', '(', ')'];

    public static string[] Jurisdictions(string? jurisdiction)
    {
        if (string.IsNullOrWhiteSpace(jurisdiction)) return [];
        var whole = Normalize(jurisdiction);
        var parts = jurisdiction.Split(JurisdictionSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Normalize)
            .Where(p => p.Length > 0);
        return [.. new[] { whole }.Concat(parts).Distinct(StringComparer.Ordinal)];
    }

    public static string[] Materials(IReadOnlyList<string> materials) =>
        [.. materials.Select(Normalize).Where(m => m.Length > 0)];

    public static string? InstrumentType(string? instrumentType) =>
        string.IsNullOrWhiteSpace(instrumentType) ? null : Normalize(instrumentType);

    public static long? Date(DateOnly? date) => date is { } d ? d.Year * 10_000L + d.Month * 100 + d.Day : null;

    /// <summary>Lower-case, trimmed, inner whitespace collapsed to one space.</summary>
    public static string Normalize(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
