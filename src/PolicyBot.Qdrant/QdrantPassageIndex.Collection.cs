using System.Globalization;
using Google.Protobuf.Collections;
using Grpc.Core;
using PolicyBot.Core.Retrieval;
using PolicyBot.Qdrant.Keywords;
using PolicyBot.Qdrant.Requests;
using Qdrant.Client.Grpc;

namespace PolicyBot.Qdrant;

public sealed partial class QdrantPassageIndex
{
    public async Task InitializeAsync(string embeddingModelId, int dimensions, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(embeddingModelId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        try
        {
            await OpenCollectionAsync(embeddingModelId, dimensions, cancellationToken);
            _unreachableAtOpen = false;
        }
        catch (IndexUnavailableException)
        {
            _unreachableAtOpen = _model is null;
            throw;
        }
    }

    private async Task OpenCollectionAsync(string embeddingModelId, int dimensions, CancellationToken cancellationToken)
    {
        if (!await CollectionExistsAsync(cancellationToken))
        {
            try
            {
                await _client.Collections.CreateAsync(_requests.CreateCollection(embeddingModelId, dimensions), Call(cancellationToken));
                _logger.CollectionCreated(Collection, embeddingModelId, dimensions);
            }
            catch (RpcException)
            {
                // Another replica may have created it first; then it is checked below like any existing collection.
                if (!await CollectionExistsAsync(cancellationToken)) throw;
            }
        }

        var info = await _client.Collections.GetAsync(new GetCollectionInfoRequest { CollectionName = Collection }, Call(cancellationToken));
        if (MismatchReason(info.Result.Config, embeddingModelId, dimensions) is { } reason)
        {
            _logger.CollectionMismatch(Collection, reason);
            throw new IndexMismatchException(
                $"The Qdrant collection '{Collection}' {reason} Re-ingest with --rebuild to recreate it (or set {QdrantOptions.Section}:Collection to a new name).");
        }

        foreach (var index in _requests.PayloadIndexes())
        {
            await _client.Points.CreateFieldIndexAsync(index, Call(cancellationToken));
        }
        _model = (embeddingModelId, dimensions);
        _logger.CollectionOpened(Collection, _options.Endpoint ?? "");
    }

    /// <summary>Whether the collection exists (for the readiness check).</summary>
    internal async Task<bool> CollectionExistsAsync(CancellationToken cancellationToken)
    {
        var response = await _client.Collections.CollectionExistsAsync(new CollectionExistsRequest { CollectionName = Collection }, Call(cancellationToken));
        return response.Result.Exists;
    }

    /// <summary>Qdrant's own health answer (for the readiness check).</summary>
    internal async Task<string> ServerVersionAsync(CancellationToken cancellationToken)
    {
        var reply = await _client.Qdrant.HealthCheckAsync(new HealthCheckRequest(), Call(cancellationToken));
        return reply.Version;
    }

    /// <summary>Why the stored collection cannot be used with this model, or null when it can.</summary>
    internal static string? MismatchReason(CollectionConfig config, string modelId, int dimensions)
    {
        var metadata = config.Metadata;
        var schema = Integer(metadata, QdrantRequests.SchemaKey);
        var storedModel = Text(metadata, QdrantRequests.ModelKey);
        if (schema is null || storedModel is null)
            return "was not created by PolicyBot (it records no PolicyBot schema or embedding model).";
        if (schema != QdrantRequests.SchemaVersion)
            return $"has PolicyBot schema version {schema}, but this PolicyBot writes version {QdrantRequests.SchemaVersion}.";

        var storedDimensions = Integer(metadata, QdrantRequests.DimensionsKey);
        var dense = config.Params?.VectorsConfig?.ParamsMap?.Map is { } map && map.TryGetValue(QdrantRequests.DenseVector, out var p) ? (long?)p.Size : null;
        if (!string.Equals(storedModel, modelId, StringComparison.Ordinal) || storedDimensions != dimensions || dense != dimensions)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"was built with embedding model '{storedModel}' ({storedDimensions} dimensions, dense vector size {dense?.ToString(CultureInfo.InvariantCulture) ?? "missing"}), but the configured model is '{modelId}' ({dimensions} dimensions).");
        }
        var scheme = Text(metadata, QdrantRequests.KeywordSchemeKey);
        if (!string.Equals(scheme, KeywordWeights.Scheme, StringComparison.Ordinal))
            return $"stores keyword vectors of scheme '{scheme}', but this PolicyBot writes '{KeywordWeights.Scheme}'.";
        return null;
    }

    private static string? Text(MapField<string, Value> metadata, string key) =>
        metadata.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : null;

    private static long? Integer(MapField<string, Value> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value.KindCase switch
        {
            Value.KindOneofCase.IntegerValue => value.IntegerValue,
            Value.KindOneofCase.DoubleValue => (long)value.DoubleValue,
            _ => null,
        } : null;
}
