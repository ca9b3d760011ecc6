using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Answering;

/// <summary>Says in one sentence what the indexed documents cover, for refusals.</summary>
public sealed class CoverageDescriber(IPassageIndex index)
{
    private string? _cached;
    private int _cachedCount = -1;

    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        var documents = await index.ListDocumentsAsync(cancellationToken);
        if (documents.Count == _cachedCount && _cached is not null) return _cached;

        var jurisdictions = documents
            .SelectMany(d => (d.Metadata.Jurisdiction ?? "").Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(j => j, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
        var text = documents.Count == 0
            ? "No documents are indexed yet; run `policybot ingest` first."
            : jurisdictions.Count == 0
                ? $"They are {documents.Count} documents on battery-materials policy."
                : $"They are {documents.Count} documents on battery-materials and critical-minerals policy from {Describe(jurisdictions)}.";
        (_cached, _cachedCount) = (text, documents.Count);
        return text;
    }

    private static string Describe(List<string> names) => names.Count switch
    {
        1 => names[0],
        <= 8 => string.Join(", ", names[..^1]) + " and " + names[^1],
        _ => string.Join(", ", names.Take(8)) + " and others",
    };
}
