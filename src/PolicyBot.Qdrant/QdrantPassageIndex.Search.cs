using System.Diagnostics;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;
using PolicyBot.Qdrant.Keywords;
using PolicyBot.Qdrant.Payload;
using Qdrant.Client.Grpc;

namespace PolicyBot.Qdrant;

public sealed partial class QdrantPassageIndex
{
    // A search that loses hits to another generation (an upsert in flight) asks again for more, this many times.
    private const int MaxSearchAttempts = 3;

    public Task<IReadOnlyList<PassageHit>> SearchDenseAsync(ReadOnlyMemory<float> query, int top, SearchFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        CheckDimensions(query);
        return top <= 0
            ? Task.FromResult<IReadOnlyList<PassageHit>>([])
            : SearchAsync("dense", limit => _requests.DenseQuery(query, limit, filter), top, cancellationToken);
    }

    public Task<IReadOnlyList<PassageHit>> SearchKeywordAsync(string query, int top, SearchFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _ = Model;
        var terms = KeywordWeights.ForQuery(query);
        return terms.IsEmpty || top <= 0
            ? Task.FromResult<IReadOnlyList<PassageHit>>([])
            : SearchAsync("keyword", limit => _requests.KeywordQuery(terms, limit, filter), top, cancellationToken);
    }

    /// <summary>
    /// Dense and keyword search fused by reciprocal rank in one Query API request: Qdrant prefetches
    /// <paramref name="candidates"/> passages by each vector (both under <paramref name="filter"/>) and ranks their union by
    /// Σ 1/(k + rank). Scores are RRF scores, not cosines; a query without words searches by the dense vector alone.
    /// </summary>
    /// <remarks>
    /// Not part of <c>IPassageIndex</c>: <c>HybridRetriever</c> fuses two searches itself, by weighted score (the default)
    /// or RRF with <c>PolicyBot:Retrieval:RrfK</c>, because it needs each hit's dense cosine for the answerability gate. A
    /// retriever that only needs the fused ranking can call this and save a round trip.
    /// </remarks>
    public Task<IReadOnlyList<PassageHit>> SearchHybridAsync(ReadOnlyMemory<float> query, string text, int top, SearchFilter filter,
        int candidates, int rrfK, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rrfK);
        CheckDimensions(query);
        if (top <= 0) return Task.FromResult<IReadOnlyList<PassageHit>>([]);
        var terms = KeywordWeights.ForQuery(text);
        return SearchAsync("hybrid", limit => _requests.HybridQuery(query, terms, limit, Math.Max(limit, (ulong)candidates), filter, rrfK), top, cancellationToken);
    }

    private void CheckDimensions(ReadOnlyMemory<float> query)
    {
        if (query.Length != Model.Dimensions)
        {
            throw new ArgumentException($"The query vector has {query.Length} dimensions; the index holds {Model.Dimensions}.", nameof(query));
        }
    }

    /// <summary>The one-request hybrid for the retriever: fused order, with each passage's dense cosine computed from its returned vector.</summary>
    public async Task<IReadOnlyList<ScoredPassage>> SearchFusedAsync(ReadOnlyMemory<float> query, string text, int top, SearchFilter filter, int rrfK,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        CheckDimensions(query);
        if (top <= 0) return [];
        var terms = KeywordWeights.ForQuery(text);
        var scored = await SearchPointsAsync("hybrid", limit => _requests.HybridQuery(query, terms, limit, Math.Max(limit, (ulong)top), filter, rrfK, withDenseVector: true),
            top, cancellationToken);
        return scored.Select(s => new ScoredPassage(s.Hit.Passage, s.Hit.Document, s.Hit.Score, DenseCosine(query.Span, s.Point), null)).ToList();
    }

    /// <summary>Vectors are stored unit length, so the dot product is the cosine; null when the point came back without its vector.</summary>
    internal static double? DenseCosine(ReadOnlySpan<float> query, ScoredPoint point)
    {
        if (point.Vectors?.Vectors?.Vectors is not { } named || !named.TryGetValue(Requests.QdrantRequests.DenseVector, out var output)) return null;
#pragma warning disable CS0612 // servers before 1.13 fill the deprecated flat Data field instead of Dense
        var data = output.Dense is { Data.Count: > 0 } dense ? dense.Data : output.Data;
#pragma warning restore CS0612
        if (data.Count != query.Length) return null;
        double dot = 0;
        for (var i = 0; i < data.Count; i++) dot += query[i] * data[i];
        return dot;
    }

    private async Task<IReadOnlyList<PassageHit>> SearchAsync(string kind, Func<ulong, QueryPoints> request, int top, CancellationToken cancellationToken) =>
        (await SearchPointsAsync(kind, request, top, cancellationToken)).Select(s => s.Hit).ToList();

    private async Task<IReadOnlyList<(PassageHit Hit, ScoredPoint Point)>> SearchPointsAsync(string kind, Func<ulong, QueryPoints> request, int top, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var limit = (ulong)top;
        for (var attempt = 1; ; attempt++)
        {
            var response = await _client.Points.QueryAsync(request(limit), Call(cancellationToken));
            var points = response.Result;
            var documents = await GetStoredDocumentsAsync(points.Select(p => PointPayload.String(p.Payload, PayloadKeys.DocumentId)!), cancellationToken);
            var hits = new List<(PassageHit Hit, ScoredPoint Point)>(points.Count);
            foreach (var point in points)
            {
                var documentId = PointPayload.String(point.Payload, PayloadKeys.DocumentId)!;
                // A passage counts only in its document's current generation: never half an upsert, never a deleted document.
                if (documents.TryGetValue(documentId, out var document) && PointPayload.Integer(point.Payload, PayloadKeys.Generation) == document.Generation)
                {
                    hits.Add((new PassageHit(PointPayload.ReadPassage(point.Payload), document.Record, point.Score), point));
                }
            }
            var dropped = points.Count - hits.Count;
            if (dropped == 0 || (ulong)points.Count < limit || attempt == MaxSearchAttempts)
            {
                _logger.Searched(kind, Math.Min(hits.Count, top), dropped, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return hits.Count > top ? hits[..top] : hits;
            }
            limit += (ulong)dropped * 2;
        }
    }
}
