using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Qdrant;

/// <summary>Where the Qdrant index lives. Bound from the <c>Qdrant</c> section (<c>Qdrant__Endpoint</c> etc. in the environment).</summary>
public sealed class QdrantOptions
{
    public const string Section = "Qdrant";
    public const string DefaultCollection = "policybot";

    /// <summary>The gRPC endpoint, e.g. <c>http://localhost:6334</c> (gRPC port, not the 6333 REST port); https for TLS.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Qdrant's API key (its <c>service.api_key</c>); from the environment or user-secrets only.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The collection holding documents and passages.</summary>
    [Required] public string Collection { get; set; } = DefaultCollection;

    /// <summary>Points per upsert request while writing a document's passages.</summary>
    [Range(1, 10_000)] public int UpsertBatchSize { get; set; } = 128;

    /// <summary>Deadline of each gRPC call.</summary>
    [Range(1, 600)] public int TimeoutSeconds { get; set; } = 30;
}
