using PolicyBot.Core.Domain;
using PolicyBot.Qdrant.Keywords;
using PolicyBot.Qdrant.Payload;
using Qdrant.Client.Grpc;

namespace PolicyBot.Qdrant.Requests;

/// <summary>
/// Every gRPC request the index sends, built in one place so tests can compare them with Qdrant's documented shapes
/// without a server. Nothing here does I/O.
/// </summary>
internal sealed partial class QdrantRequests(string collection)
{
    /// <summary>Name of the dense (embedding) vector of passage points.</summary>
    public const string DenseVector = "dense";

    /// <summary>Name of the sparse BM25-style keyword vector of passage points.</summary>
    public const string KeywordVector = "keyword";

    public string Collection { get; } = collection;

    /// <summary>The filter equivalent to <paramref name="filter"/> (see <see cref="FilterValues"/>); null when it filters nothing.</summary>
    public static Filter? ForSearch(SearchFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.IsEmpty) return null;
        var result = new Filter();
        if (filter.Jurisdiction is { } jurisdiction)
            result.Must.Add(Conditions.MatchKeyword(PayloadKeys.Jurisdiction, FilterValues.Normalize(jurisdiction)));
        if (filter.Material is { } material)
            result.Must.Add(Conditions.MatchText(PayloadKeys.Materials, FilterValues.Normalize(material)));
        if (filter.InstrumentType is { } instrument)
            result.Must.Add(Conditions.MatchKeyword(PayloadKeys.InstrumentType, FilterValues.Normalize(instrument)));
        if (filter.AnnouncedFrom is not null || filter.AnnouncedTo is not null)
        {
            var range = new global::Qdrant.Client.Grpc.Range();
            if (FilterValues.Date(filter.AnnouncedFrom) is { } from) range.Gte = from;
            if (FilterValues.Date(filter.AnnouncedTo) is { } to) range.Lte = to;
            result.Must.Add(Conditions.Range(PayloadKeys.Announced, range));
        }
        return result;
    }

    /// <summary>Nearest passages to <paramref name="vector"/> by cosine similarity.</summary>
    public QueryPoints DenseQuery(ReadOnlyMemory<float> vector, ulong limit, SearchFilter filter) =>
        Query(new Query { Nearest = new VectorInput { Dense = Dense(vector) } }, DenseVector, limit, filter);

    /// <summary>Passages sharing terms with the query, scored Σ idf(t)·weight(t) by the <c>keyword</c> vector's IDF modifier.</summary>
    public QueryPoints KeywordQuery(SparseTerms terms, ulong limit, SearchFilter filter) =>
        Query(new Query { Nearest = new VectorInput { Sparse = Sparse(terms) } }, KeywordVector, limit, filter);

    /// <summary>
    /// Dense and keyword candidates fetched and fused by reciprocal rank in one Query API request. <paramref name="rrfK"/> is
    /// the k of the RRF paper (and of <c>PolicyBot:Retrieval:RrfK</c>); Qdrant ranks from 0, so it is sent as k + 1.
    /// </summary>
    /// <param name="withDenseVector">Also return each point's dense vector, so the caller can compute its cosine to the query.</param>
    public QueryPoints HybridQuery(ReadOnlyMemory<float> vector, SparseTerms terms, ulong limit, ulong candidates, SearchFilter filter, int rrfK,
        bool withDenseVector = false)
    {
        var request = new QueryPoints
        {
            CollectionName = Collection,
            Query = new Query { Rrf = new Rrf { K = (uint)(rrfK + 1) } },
            Limit = limit,
            WithPayload = new WithPayloadSelector { Enable = true },
        };
        if (withDenseVector)
            request.WithVectors = new WithVectorsSelector { Include = new VectorsSelector { Names = { DenseVector } } };
        request.Prefetch.Add(Prefetch(new Query { Nearest = new VectorInput { Dense = Dense(vector) } }, DenseVector, candidates, filter));
        if (!terms.IsEmpty)
            request.Prefetch.Add(Prefetch(new Query { Nearest = new VectorInput { Sparse = Sparse(terms) } }, KeywordVector, candidates, filter));
        return request;
    }

    private QueryPoints Query(Query query, string vectorName, ulong limit, SearchFilter filter)
    {
        var request = new QueryPoints
        {
            CollectionName = Collection,
            Query = query,
            Using = vectorName,
            Limit = limit,
            WithPayload = new WithPayloadSelector { Enable = true },
        };
        if (ForSearch(filter) is { } f) request.Filter = f;
        return request;
    }

    private static PrefetchQuery Prefetch(Query query, string vectorName, ulong limit, SearchFilter filter)
    {
        var prefetch = new PrefetchQuery { Query = query, Using = vectorName, Limit = limit };
        if (ForSearch(filter) is { } f) prefetch.Filter = f;
        return prefetch;
    }

    private static DenseVector Dense(ReadOnlyMemory<float> vector)
    {
        var dense = new DenseVector();
        dense.Data.Add(vector.ToArray());
        return dense;
    }

    private static SparseVector Sparse(SparseTerms terms)
    {
        var sparse = new SparseVector();
        sparse.Indices.Add(terms.Indices);
        sparse.Values.Add(terms.Values);
        return sparse;
    }
}
