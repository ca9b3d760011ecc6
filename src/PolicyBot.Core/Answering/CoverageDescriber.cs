using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Answering;

/// <summary>Says in one sentence what the indexed documents cover, for refusals.</summary>
/// <remarks>
/// Listing every document costs tens of milliseconds on a large index, so the sentence is reused for
/// <see cref="RefreshInterval"/>; a sentence about an empty index is never reused, so the first ingestion shows at once.
/// </remarks>
public sealed class CoverageDescriber(IPassageIndex index, TimeProvider? time = null)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private volatile Description? _cached;

    private sealed record Description(string Text, DateTimeOffset At);

    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_cached is { } fresh && now - fresh.At < RefreshInterval) return fresh.Text;
        var documents = await index.ListDocumentsAsync(cancellationToken);

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
        _cached = documents.Count == 0 ? null : new Description(text, now);
        return text;
    }

    private static string Describe(List<string> names) => names.Count switch
    {
        1 => names[0],
        <= 8 => string.Join(", ", names[..^1]) + " and " + names[^1],
        _ => string.Join(", ", names.Take(8)) + " and others",
    };
}
