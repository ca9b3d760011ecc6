using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Core.Ingestion;

public sealed class IngestionOptions
{
    public const string Section = "PolicyBot:Ingestion";

    /// <summary>Folder ingested when `ingest` is given no path and on first use; relative paths resolve against the working directory.</summary>
    [Required] public string DataPath { get; set; } = "data";

    /// <summary>Passage size in model tokens; MiniLM reads 256 word pieces, and the title and heading are prepended for embedding.</summary>
    [Range(32, 8000)] public int MaxPassageTokens { get; set; } = 200;

    [Range(0, 200)] public int OverlapTokens { get; set; } = 30;

    /// <summary>Passages embedded together; larger batches run faster on CPU.</summary>
    [Range(1, 1024)] public int EmbeddingBatchSize { get; set; } = 256;
}
