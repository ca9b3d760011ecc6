namespace PolicyBot.Core.Ingestion;

/// <summary>Reported after each file; <see cref="Total"/> is known up front.</summary>
public sealed record IngestionProgress(int Processed, int Total, int PassagesEmbedded, string? CurrentPath);

public sealed record IngestionFailure(string Path, string Reason);

public sealed record IngestionReport(
    int Added, int Updated, int Unchanged, int Removed, int PassagesEmbedded, IReadOnlyList<IngestionFailure> Failures, TimeSpan Elapsed)
{
    public double PassagesPerSecond => Elapsed.TotalSeconds > 0 ? PassagesEmbedded / Elapsed.TotalSeconds : 0;
}
