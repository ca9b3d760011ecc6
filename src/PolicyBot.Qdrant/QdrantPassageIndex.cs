using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Retrieval;
using PolicyBot.Qdrant.Requests;
using Qdrant.Client.Grpc;

namespace PolicyBot.Qdrant;

/// <summary>
/// The production <see cref="IPassageIndex"/> on Qdrant: one collection whose passage points carry a dense vector
/// (<c>dense</c>, cosine) and a BM25-style sparse vector (<c>keyword</c>, IDF modifier), and whose document points carry the
/// document records. Several bot replicas can share it.
/// </summary>
/// <remarks>
/// <code>
/// Upsert  ─► passages of a new generation (batched) ─► document point → new generation (commit) ─► delete older generations
/// Delete  ─► document point (commit) ─► passages by document id filter
/// Search  ─► Query API (dense | keyword | prefetch both + RRF) with the SearchFilter as a Qdrant filter
///         ─► document points of the hits ─► keep hits of each document's current generation
/// </code>
/// Readers never see half an upsert: until the document point moves, the new passages are dropped as another generation;
/// after it, the old ones are. Writes of the same document from two processes at once are not supported (run ingestion
/// from one process). The collection's metadata records the embedding model, dimensions and keyword scheme, and
/// <see cref="InitializeAsync"/> refuses a collection built with others.
/// </remarks>
public sealed partial class QdrantPassageIndex : IHybridPassageIndex, IDisposable
{
    private readonly QdrantGrpcClient _client;
    private readonly bool _ownsClient;
    private readonly IDisposable? _channel;
    private readonly QdrantOptions _options;
    private readonly QdrantRequests _requests;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private (string ModelId, int Dimensions)? _model;
    // Set when opening failed because Qdrant could not be reached; until an open succeeds, use reports it as unavailable.
    private volatile bool _unreachableAtOpen;
    private long _lastGeneration;
    private bool _disposed;

    public QdrantPassageIndex(IOptions<QdrantOptions> options, ILogger<QdrantPassageIndex>? logger = null)
        : this(options.Value, Connect(options.Value), logger)
    {
    }

    private QdrantPassageIndex(QdrantOptions options, (QdrantGrpcClient Client, IDisposable Channel) connection, ILogger? logger)
        : this(options, connection.Client, ownsClient: true, logger)
    {
        _channel = connection.Channel;
    }

    internal QdrantPassageIndex(QdrantOptions options, QdrantGrpcClient client, bool ownsClient, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _client = client;
        _ownsClient = ownsClient;
        _requests = new QdrantRequests(options.Collection);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The collection this index reads and writes.</summary>
    public string Collection => _options.Collection;

    private (string ModelId, int Dimensions) Model
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_model is { } model) return model;
            if (_unreachableAtOpen) throw new IndexUnavailableException("Qdrant was not reachable when the index was opened; it has not been opened since.");
            throw new InvalidOperationException($"Call {nameof(InitializeAsync)} before using the index.");
        }
    }

    /// <summary>Drops the whole collection (for <c>ingest --rebuild</c>); the next <see cref="InitializeAsync"/> creates it anew.</summary>
    public async Task DeleteCollectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _client.Collections.DeleteAsync(new DeleteCollection { CollectionName = Collection }, Call(cancellationToken));
        _model = null;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_ownsClient) _client.Dispose();
        _channel?.Dispose();
        _writeGate.Dispose();
    }

    /// <summary>A gRPC channel to the endpoint, sending the API key when set, with transport failures as <see cref="IndexUnavailableException"/>.</summary>
    internal static (QdrantGrpcClient Client, IDisposable Channel) Connect(QdrantOptions options)
    {
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint))
            throw new OptionsValidationException(QdrantOptions.Section, typeof(QdrantOptions), [$"{QdrantOptions.Section}:Endpoint must be an absolute URL."]);
        var channel = GrpcChannel.ForAddress(endpoint);
        var invoker = channel.CreateCallInvoker();
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            var apiKey = options.ApiKey;
            invoker = invoker.Intercept(metadata =>
            {
                metadata.Add("api-key", apiKey);
                return metadata;
            });
        }
        return (new QdrantGrpcClient(invoker.Intercept(new TransportFailureInterceptor())), channel);
    }

    private CallOptions Call(CancellationToken cancellationToken) =>
        new(deadline: DateTime.UtcNow.AddSeconds(_options.TimeoutSeconds), cancellationToken: cancellationToken);

    // Strictly increasing in this process; ticks keep it increasing across restarts too.
    private long NextGeneration()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _lastGeneration);
            var next = Math.Max(DateTime.UtcNow.Ticks, last + 1);
            if (Interlocked.CompareExchange(ref _lastGeneration, next, last) == last) return next;
        }
    }
}
