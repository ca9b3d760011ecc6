using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Core.Ingestion.Chunking;

/// <summary>How <see cref="PassageChunker"/> sizes passages, in tokens of the configured counter.</summary>
public sealed record ChunkingOptions
{
    public const string Section = "PolicyBot:Ingestion:Chunking";

    /// <summary>Most tokens in a passage. MiniLM reads 256 word pieces; 200 leaves room for a heading or title prefix.</summary>
    [Range(1, 100_000)]
    public int MaxTokens { get; init; } = 200;

    /// <summary>
    /// A passage repeats the last sentence of the previous passage in the same section when that sentence has at most
    /// this many tokens. 0 turns overlap off.
    /// </summary>
    [Range(0, 100_000)]
    public int OverlapTokens { get; init; } = 30;
}
