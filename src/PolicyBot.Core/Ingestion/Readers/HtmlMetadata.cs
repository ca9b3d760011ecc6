using AngleSharp.Dom;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Ingestion.Readers;

/// <summary>
/// Metadata from <c>&lt;meta name="jurisdiction" content="..."&gt;</c> and friends (names as in front matter,
/// optionally prefixed <c>policybot:</c>), and the canonical link as the primary source.
/// </summary>
internal static class HtmlMetadata
{
    public static DocumentMetadata Read(IDocument document)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var meta in document.QuerySelectorAll("meta[name][content]"))
        {
            var name = Normalize(meta.GetAttribute("name")!);
            var content = SectionBuilder.CollapseWhitespace(meta.GetAttribute("content")!);
            if (content.Length > 0) values.TryAdd(name, content);
        }

        var canonical = document.QuerySelector("link[rel=canonical][href]")?.GetAttribute("href");
        var sources = Uri.TryCreate(canonical, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? [uri.ToString()] : Array.Empty<string>();

        return new DocumentMetadata
        {
            Jurisdiction = values.GetValueOrDefault("jurisdiction"),
            IssuingBody = values.GetValueOrDefault("issuingbody"),
            InstrumentType = values.GetValueOrDefault("instrumenttype"),
            Announced = values.GetValueOrDefault("announced"),
            Effective = values.GetValueOrDefault("effective"),
            Status = values.GetValueOrDefault("status"),
            Materials = values.TryGetValue("materials", out var materials)
                ? materials.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [],
            Sources = sources,
        };
    }

    private static string Normalize(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        if (key.StartsWith("policybot:", StringComparison.Ordinal)) key = key["policybot:".Length..];
        return key.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
    }
}
