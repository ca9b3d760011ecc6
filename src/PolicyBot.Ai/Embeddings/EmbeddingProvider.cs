namespace PolicyBot.Ai.Embeddings;

/// <summary>Which <see cref="PolicyBot.Core.Ingestion.IEmbedder"/> to use; configuration binds "local" / "openai" case-insensitively.</summary>
public enum EmbeddingProvider
{
    /// <summary>all-MiniLM-L6-v2 run in-process with ONNX Runtime; needs no network or key.</summary>
    Local,

    /// <summary>Any server speaking the OpenAI <c>POST /embeddings</c> wire format (OpenAI, Azure-compatible proxies, Ollama, vLLM...).</summary>
    OpenAI,
}
