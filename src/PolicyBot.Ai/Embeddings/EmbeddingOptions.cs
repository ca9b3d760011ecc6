using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Ai.Embeddings;

public sealed class EmbeddingOptions
{
    public const string Section = "PolicyBot:Ai:Embeddings";
    public const int DefaultBatchSize = 32;
    public const int DefaultRemoteMaxTokens = 8191;

    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Local;

    /// <summary>Base address of an OpenAI-compatible API, e.g. <c>https://api.openai.com/v1</c>; <c>/embeddings</c> is appended.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Remote model name, e.g. <c>text-embedding-3-small</c>. Ignored by the local provider.</summary>
    public string? Model { get; set; }

    /// <summary>Sent as a bearer token when set. Supply it from user-secrets or the environment, never appsettings.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Vector length the remote model returns (required for <see cref="EmbeddingProvider.OpenAI"/>).</summary>
    [Range(1, 16_384)]
    public int? Dimensions { get; set; }

    /// <summary>Texts per model run (local) or per HTTP request (remote).</summary>
    [Range(1, 2048)]
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>Input limit of the remote model, in its tokens.</summary>
    [Range(1, 1_000_000)]
    public int MaxTokens { get; set; } = DefaultRemoteMaxTokens;
}
