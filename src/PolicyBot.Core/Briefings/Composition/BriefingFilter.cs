using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Briefings.Composition;

/// <summary>
/// A subscription's filters: a document matches when its jurisdiction matches any of the subscription's jurisdictions
/// (or there are none) and one of its materials matches any of the subscription's materials (or there are none).
/// Matching is <see cref="SearchFilter"/>'s: case-insensitive containment ("United States / Japan" matches "Japan").
/// </summary>
public static class BriefingFilter
{
    public static bool Matches(BriefingSubscription subscription, DocumentMetadata? metadata)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return Matches(subscription.Jurisdictions, subscription.Materials, metadata);
    }

    public static bool Matches(IReadOnlyList<string> jurisdictions, IReadOnlyList<string> materials, DocumentMetadata? metadata)
    {
        if (jurisdictions.Count == 0 && materials.Count == 0) return true;
        if (metadata is null) return false;
        var jurisdictionOk = jurisdictions.Count == 0 || jurisdictions.Any(j => new SearchFilter { Jurisdiction = j }.Matches(metadata));
        var materialOk = materials.Count == 0 || materials.Any(m => new SearchFilter { Material = m }.Matches(metadata));
        return jurisdictionOk && materialOk;
    }

    /// <summary>"China, United States · graphite", or "all jurisdictions and materials".</summary>
    public static string Describe(BriefingSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var parts = new[] { string.Join(", ", subscription.Jurisdictions), string.Join(", ", subscription.Materials) }.Where(p => p.Length > 0).ToList();
        return parts.Count == 0 ? "all jurisdictions and materials" : string.Join(" · ", parts);
    }
}
