using Microsoft.Extensions.Logging;

namespace PolicyBot.Ai.Embeddings;

/// <summary>Event IDs 150-159: embeddings (part of the ingestion block).</summary>
internal static partial class EmbeddingsLog
{
    [LoggerMessage(150, LogLevel.Information, "Loaded embedding model {ModelId} in {ElapsedMilliseconds:F0} ms")]
    public static partial void EmbeddingModelLoaded(this ILogger logger, string modelId, double elapsedMilliseconds);

    [LoggerMessage(151, LogLevel.Debug, "Embedded {Count} texts with {ModelId} at {Endpoint} in {ElapsedMilliseconds:F0} ms")]
    public static partial void RemoteBatchEmbedded(this ILogger logger, int count, string modelId, string endpoint, double elapsedMilliseconds);
}
