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

    /// <summary>How often the server re-ingests the data folder and the feeds, e.g. "00:15:00"; empty turns scheduled runs off.</summary>
    public TimeSpan? Schedule { get; set; }

    /// <summary>Re-ingest when files under the data folder change (after <see cref="WatchDebounce"/> of quiet).</summary>
    public bool Watch { get; set; }

    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// RSS 2.0 or Atom feeds of policy sources (absolute http/https URLs); their linked pages are ingested as HTML on each scheduled
    /// run and by `policybot ingest` (unless --no-feeds).
    /// </summary>
    public List<string> Feeds { get; set; } = [];

    /// <summary>How long one feed or page request may take before it counts as failed.</summary>
    public TimeSpan FeedTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest feed or page body read, in bytes; a larger one fails that feed or page.</summary>
    public long FeedMaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Entries taken from each feed (the first ones, newest first in practice); older entries beyond this are ignored.</summary>
    public int FeedMaxEntries { get; set; } = 50;
}
