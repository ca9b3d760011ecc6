using System.Text.Json.Serialization;

namespace PolicyBot.Ai.Embeddings;

/// <summary>The request and response bodies of the OpenAI <c>POST /embeddings</c> API (only the fields we use).</summary>
internal sealed record OpenAiEmbeddingRequest(string Model, IReadOnlyList<string> Input);

internal sealed record OpenAiEmbeddingResponse(IReadOnlyList<OpenAiEmbeddingItem>? Data);

internal sealed record OpenAiEmbeddingItem(int Index, float[]? Embedding);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(OpenAiEmbeddingRequest))]
[JsonSerializable(typeof(OpenAiEmbeddingResponse))]
internal sealed partial class OpenAiEmbeddingJsonContext : JsonSerializerContext;
