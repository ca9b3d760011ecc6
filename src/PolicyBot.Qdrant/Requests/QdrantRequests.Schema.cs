using PolicyBot.Qdrant.Keywords;
using PolicyBot.Qdrant.Payload;
using Qdrant.Client.Grpc;

namespace PolicyBot.Qdrant.Requests;

internal sealed partial class QdrantRequests
{
    /// <summary>Version of this collection layout (point kinds, payload fields, ids); a different one asks for re-ingestion.</summary>
    public const int SchemaVersion = 1;

    // Collection metadata keys: what the collection was built with.
    public const string SchemaKey = "policybot_schema";
    public const string ModelKey = "embedding_model_id";
    public const string DimensionsKey = "embedding_dimensions";
    public const string KeywordSchemeKey = "keyword_scheme";

    /// <summary>
    /// The collection: a named dense vector (cosine, the embedder's size), a named sparse keyword vector with the IDF modifier,
    /// and metadata recording the embedding model, dimensions and keyword scheme.
    /// </summary>
    public CreateCollection CreateCollection(string modelId, int dimensions)
    {
        var request = new CreateCollection
        {
            CollectionName = Collection,
            VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap() },
            SparseVectorsConfig = new SparseVectorConfig(),
        };
        request.VectorsConfig.ParamsMap.Map.Add(DenseVector, new VectorParams { Size = (ulong)dimensions, Distance = Distance.Cosine });
        request.SparseVectorsConfig.Map.Add(KeywordVector, new SparseVectorParams { Modifier = Modifier.Idf });
        request.Metadata.Add(SchemaKey, (long)SchemaVersion);
        request.Metadata.Add(ModelKey, modelId);
        request.Metadata.Add(DimensionsKey, (long)dimensions);
        request.Metadata.Add(KeywordSchemeKey, KeywordWeights.Scheme);
        return request;
    }

    /// <summary>Payload indexes for every field the index filters on. Creating an existing index again is harmless.</summary>
    public IReadOnlyList<CreateFieldIndexCollection> PayloadIndexes() =>
    [
        FieldIndex(PayloadKeys.Kind, FieldType.Keyword),
        FieldIndex(PayloadKeys.DocumentId, FieldType.Keyword),
        FieldIndex(PayloadKeys.Jurisdiction, FieldType.Keyword),
        FieldIndex(PayloadKeys.InstrumentType, FieldType.Keyword),
        FieldIndex(PayloadKeys.Materials, FieldType.Text, new PayloadIndexParams
        {
            TextIndexParams = new TextIndexParams { Tokenizer = TokenizerType.Prefix, Lowercase = true },
        }),
        FieldIndex(PayloadKeys.Announced, FieldType.Integer, new PayloadIndexParams
        {
            IntegerIndexParams = new IntegerIndexParams { Lookup = false, Range = true },
        }),
    ];

    private CreateFieldIndexCollection FieldIndex(string field, FieldType type, PayloadIndexParams? parameters = null)
    {
        var request = new CreateFieldIndexCollection { CollectionName = Collection, FieldName = field, FieldType = type, Wait = true };
        if (parameters is not null) request.FieldIndexParams = parameters;
        return request;
    }
}
