namespace PolicyBot.Core.Embedded;

/// <summary>The embedded index file is not a readable SQLite database (truncated, overwritten, damaged on disk).</summary>
public sealed class IndexCorruptException(string filePath, string problem, Exception? innerException = null)
    : Exception($"The index file '{filePath}' is damaged ({problem}). Rebuild it from the data folder with `policybot ingest --rebuild`.", innerException)
{
    public string FilePath { get; } = filePath;
}
