using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.Tokenizers;
using PolicyBot.Core.Ingestion;

namespace PolicyBot.Ai.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings computed in-process: BERT word pieces → ONNX Runtime → mean pooling → L2 norm.
/// The 90 MB model loads on first use; the vocabulary loads on first use of <see cref="CountTokens"/> or embedding.
/// Thread-safe; dispose to free the native session.
/// </summary>
public sealed class MiniLmEmbedder : IEmbedder, IDisposable
{
    public const string ModelName = "all-MiniLM-L6-v2";
    public const int VectorDimensions = 384;

    /// <summary>The model's sequence limit (as sentence-transformers configures it), including [CLS] and [SEP].</summary>
    public const int SequenceLimit = 256;

    private const int MaxWordPieces = SequenceLimit - 2;

    private readonly int _batchSize;
    private readonly ILogger _logger;
    private readonly Lazy<BertTokenizer> _tokenizer = new(MiniLmResources.CreateTokenizer, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Lazy<MiniLmSession> _session;
    private volatile bool _disposed;

    public MiniLmEmbedder(int batchSize = EmbeddingOptions.DefaultBatchSize, ILogger<MiniLmEmbedder>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _batchSize = batchSize;
        _logger = logger ?? NullLogger<MiniLmEmbedder>.Instance;
        _session = new(LoadSession, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string ModelId => ModelName;

    public int Dimensions => VectorDimensions;

    public int MaxTokens => SequenceLimit;

    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _tokenizer.Value.CountTokens(BertTextCleaner.Clean(text));
    }

    /// <summary>
    /// Embeds <paramref name="texts"/> on the calling thread (ONNX Runtime spreads each batch over all cores).
    /// Texts are sorted by length so each batch pads little; results come back in input order.
    /// </summary>
    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (texts.Count == 0)
        {
            return Task.FromResult(Array.Empty<float[]>());
        }

        var tokens = Tokenize(texts);
        var order = new int[tokens.Length];
        var lengths = new int[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            order[i] = i;
            lengths[i] = tokens[i].Count;
        }

        Array.Sort(lengths, order);
        var session = _session.Value;
        var results = new float[tokens.Length][];
        for (var start = 0; start < order.Length; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = order.AsSpan(start, Math.Min(_batchSize, order.Length - start));
            session.EmbedBatch(tokens, rows, results, cancellationToken);
        }

        return Task.FromResult(results);
    }

    public void Dispose()
    {
        _disposed = true;
        if (_session.IsValueCreated)
        {
            _session.Value.Dispose();
        }
    }

    private IReadOnlyList<int>[] Tokenize(IReadOnlyList<string> texts)
    {
        var tokenizer = _tokenizer.Value;
        var tokens = new IReadOnlyList<int>[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i] ?? throw new ArgumentException($"Text {i} is null.", nameof(texts));

            // Truncates like sentence-transformers: the first 254 word pieces, then [CLS]/[SEP] are added around them.
            tokens[i] = tokenizer.EncodeToIds(BertTextCleaner.Clean(text), MaxWordPieces, addSpecialTokens: false, out _, out _);
        }

        return tokens;
    }

    private MiniLmSession LoadSession()
    {
        var started = Stopwatch.GetTimestamp();
        var tokenizer = _tokenizer.Value;
        var session = new MiniLmSession(tokenizer.ClassificationTokenId, tokenizer.SeparatorTokenId);
        _logger.EmbeddingModelLoaded(ModelName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return session;
    }
}
