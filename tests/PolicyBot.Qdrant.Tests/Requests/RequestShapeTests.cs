using PolicyBot.Core.Domain;
using PolicyBot.Qdrant.Keywords;
using PolicyBot.Qdrant.Requests;
using PolicyBot.Qdrant.Tests.Support;
using Qdrant.Client.Grpc;

namespace PolicyBot.Qdrant.Tests.Requests;

/// <summary>
/// The requests the adapter sends, checked against Qdrant's documented request shapes without a server. Each expected shape
/// is the documented REST body (quoted above it, with its page) written in the gRPC message's canonical JSON mapping, which
/// is what goes on the wire: snake_case → camelCase, 64-bit integers as strings, enums by name, oneofs as their field.
/// </summary>
public sealed class RequestShapeTests
{
    private readonly QdrantRequests _requests = new("policybot");

    // https://qdrant.tech/documentation/manage-data/collections/ (collection with multiple vectors) and
    // https://qdrant.tech/documentation/manage-data/indexing/#idf-modifier:
    //   PUT /collections/{collection_name}
    //   { "vectors": { "dense": { "size": 384, "distance": "Cosine" } },
    //     "sparse_vectors": { "keyword": { "modifier": "idf" } },
    //     "metadata": { ... } }            (collection metadata: "arbitrary JSON metadata for the collection")
    [Fact]
    public void CreateCollection_NamedDenseCosineAndSparseWithIdf_MatchesDocumentedSchema()
    {
        var request = _requests.CreateCollection("all-MiniLM-L6-v2", 384);

        JsonAssert.Matches($$"""
            {
              "collectionName": "policybot",
              "vectorsConfig": { "paramsMap": { "map": { "dense": { "size": "384", "distance": "Cosine" } } } },
              "sparseVectorsConfig": { "map": { "keyword": { "modifier": "Idf" } } },
              "metadata": {
                "policybot_schema": { "integerValue": "1" },
                "embedding_model_id": { "stringValue": "all-MiniLM-L6-v2" },
                "embedding_dimensions": { "integerValue": "384" },
                "keyword_scheme": { "stringValue": "{{KeywordWeights.Scheme}}" }
              }
            }
            """, request);
        Assert.Equal(Modifier.Idf, request.SparseVectorsConfig.Map[QdrantRequests.KeywordVector].Modifier);
    }

    // https://qdrant.tech/documentation/manage-data/indexing/#payload-index:
    //   PUT /collections/{collection_name}/index  { "field_name": "...", "field_schema": "keyword" }
    //   full-text:  { "field_name": "...", "field_schema": { "type": "text", "tokenizer": "prefix", "lowercase": true } }
    //   integer:    { "field_name": "...", "field_schema": { "type": "integer", "lookup": false, "range": true } }
    [Fact]
    public void PayloadIndexes_KeywordPrefixTextAndIntegerRange_MatchDocumentedFieldSchemas()
    {
        var indexes = _requests.PayloadIndexes().ToDictionary(i => i.FieldName);

        Assert.Equal(["announced", "document_id", "instrument_type", "jurisdiction", "kind", "materials"], indexes.Keys.Order(StringComparer.Ordinal));
        foreach (var keyword in new[] { "kind", "document_id", "jurisdiction", "instrument_type" })
        {
            JsonAssert.Matches($$"""{ "collectionName": "policybot", "wait": true, "fieldName": "{{keyword}}", "fieldType": "FieldTypeKeyword" }""", indexes[keyword]);
        }
        JsonAssert.Matches("""
            { "collectionName": "policybot", "wait": true, "fieldName": "materials", "fieldType": "FieldTypeText",
              "fieldIndexParams": { "textIndexParams": { "tokenizer": "Prefix", "lowercase": true } } }
            """, indexes["materials"]);
        JsonAssert.Matches("""
            { "collectionName": "policybot", "wait": true, "fieldName": "announced", "fieldType": "FieldTypeInteger",
              "fieldIndexParams": { "integerIndexParams": { "lookup": false, "range": true } } }
            """, indexes["announced"]);
    }

    // https://qdrant.tech/documentation/search/filtering/:
    //   match keyword:  { "key": "jurisdiction", "match": { "value": "japan" } }
    //   full-text:      { "key": "materials", "match": { "text": "rare earth" } }
    //   range:          { "key": "announced", "range": { "gte": 20230701, "lte": 20231231 } }
    // all under { "must": [ ... ] }.
    public static TheoryData<string, string> FilterFields => new()
    {
        { "jurisdiction", """{ "must": [ { "field": { "key": "jurisdiction", "match": { "keyword": "united states" } } } ] }""" },
        { "material", """{ "must": [ { "field": { "key": "materials", "match": { "text": "rare earth" } } } ] }""" },
        { "instrument", """{ "must": [ { "field": { "key": "instrument_type", "match": { "keyword": "regulation" } } } ] }""" },
        { "announced-range", """{ "must": [ { "field": { "key": "announced", "range": { "gte": 20230701, "lte": 20231231 } } } ] }""" },
        { "announced-from", """{ "must": [ { "field": { "key": "announced", "range": { "gte": 20230712 } } } ] }""" },
        { "announced-to", """{ "must": [ { "field": { "key": "announced", "range": { "lte": 20240201 } } } ] }""" },
    };

    [Theory]
    [MemberData(nameof(FilterFields))]
    public void ForSearch_EachSearchFilterField_IsTheDocumentedCondition(string field, string expected)
    {
        var filter = field switch
        {
            "jurisdiction" => new SearchFilter { Jurisdiction = "  United  States " },
            "material" => new SearchFilter { Material = "Rare Earth" },
            "instrument" => new SearchFilter { InstrumentType = "Regulation" },
            "announced-range" => new SearchFilter { AnnouncedFrom = new(2023, 7, 1), AnnouncedTo = new(2023, 12, 31) },
            "announced-from" => new SearchFilter { AnnouncedFrom = new(2023, 7, 12) },
            "announced-to" => new SearchFilter { AnnouncedTo = new(2024, 2, 1) },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        JsonAssert.Matches(expected, QdrantRequests.ForSearch(filter)!);
    }

    [Fact]
    public void ForSearch_AllFields_AreOneMustClauseAndNoFilterIsNull()
    {
        var filter = QdrantRequests.ForSearch(new SearchFilter { Jurisdiction = "China", Material = "graph", InstrumentType = "Export control", AnnouncedTo = new(2023, 12, 31) })!;

        Assert.Equal(4, filter.Must.Count);
        Assert.Empty(filter.Should);
        Assert.Empty(filter.MustNot);
        Assert.Null(QdrantRequests.ForSearch(SearchFilter.None));
    }

    // https://qdrant.tech/documentation/search/hybrid-queries/#hybrid-search:
    //   POST /collections/{collection_name}/points/query
    //   { "prefetch": [ { "query": { "indices": [1, 42], "values": [0.22, 0.8] }, "using": "sparse", "limit": 20 },
    //                   { "query": [0.01, 0.45, 0.67, ...], "using": "dense", "limit": 20 } ],
    //     "query": { "rrf": {} }, "limit": 10 }
    // Filters go on each prefetch (https://qdrant.tech/documentation/search/hybrid-queries/ : prefetch has its own filter).
    [Fact]
    public void HybridQuery_DenseAndSparsePrefetchFusedByRrf_MatchesDocumentedHybridQuery()
    {
        var terms = KeywordWeights.ForQuery("graphite exports");

        var request = _requests.HybridQuery(new float[] { 0.6f, 0.8f }, terms, limit: 10, candidates: 50, new SearchFilter { Jurisdiction = "China" }, rrfK: 60);

        var filter = """{ "must": [ { "field": { "key": "jurisdiction", "match": { "keyword": "china" } } } ] }""";
        JsonAssert.Matches($$"""
            {
              "collectionName": "policybot",
              "prefetch": [
                { "query": { "nearest": { "dense": { "data": [ 0.6, 0.8 ] } } }, "using": "dense", "filter": {{filter}}, "limit": "50" },
                { "query": { "nearest": { "sparse": { "indices": [ {{terms.Indices[0]}}, {{terms.Indices[1]}} ], "values": [ 1, 1 ] } } },
                  "using": "keyword", "filter": {{filter}}, "limit": "50" }
              ],
              "query": { "rrf": { "k": 61 } },
              "limit": "10",
              "withPayload": { "enable": true }
            }
            """, request);
        Assert.Equal([KeywordWeights.TermId("graphit"), KeywordWeights.TermId("export")], terms.Indices.Order());
    }

    // https://qdrant.tech/documentation/search/search/ ("with_vector": select named vectors to return):
    //   { ..., "with_vector": ["dense"] }   — gRPC: with_vectors { include { names: ["dense"] } }
    [Fact]
    public void HybridQuery_ForTheRetriever_AlsoReturnsTheDenseVector()
    {
        var request = _requests.HybridQuery(new float[] { 0.6f, 0.8f }, KeywordWeights.ForQuery("graphite"), 10, 50, SearchFilter.None, 60, withDenseVector: true);

        JsonAssert.Matches("""{ "include": { "names": [ "dense" ] } }""", request.WithVectors);
        Assert.Equal(Query.VariantOneofCase.Rrf, request.Query.VariantCase);
    }

    [Fact]
    public void DenseCosine_IsTheDotProductWithTheReturnedVector_OrNullWithoutIt()
    {
        var point = new ScoredPoint { Vectors = new VectorsOutput { Vectors = new NamedVectorsOutput() } };
        point.Vectors.Vectors.Vectors.Add(QdrantRequests.DenseVector, new VectorOutput { Dense = new DenseVectorOutputShim().Build(0.6f, 0.8f) });

        Assert.Equal(0.6 * 0.6 + 0.8 * 0.8, QdrantPassageIndex.DenseCosine(new float[] { 0.6f, 0.8f }, point)!.Value, 5);
        Assert.Null(QdrantPassageIndex.DenseCosine(new float[] { 0.6f, 0.8f }, new ScoredPoint()));
        Assert.Null(QdrantPassageIndex.DenseCosine(new float[] { 1f, 0f, 0f }, point));   // dimension mismatch
    }

    private sealed class DenseVectorOutputShim
    {
        public DenseVector Build(params float[] values)
        {
            var vector = new DenseVector();
            vector.Data.AddRange(values);
            return vector;
        }
    }

    [Fact]
    public void HybridQuery_NoWords_PrefetchesDenseOnly()
    {
        var request = _requests.HybridQuery(new float[] { 1f, 0f }, KeywordWeights.ForQuery("?!"), 5, 20, SearchFilter.None, 60);

        Assert.Equal([QdrantRequests.DenseVector], request.Prefetch.Select(p => p.Using));
        Assert.Equal(Query.VariantOneofCase.Rrf, request.Query.VariantCase);
    }

    // https://qdrant.tech/documentation/search/search/ (Query API, named vector):
    //   POST /collections/{collection_name}/points/query { "query": [0.2, 0.1, 0.9, 0.7], "using": "dense", "limit": 3, "with_payload": true }
    // https://qdrant.tech/documentation/manage-data/vectors/#sparse-vectors (querying):
    //   { "query": { "indices": [6, 7], "values": [1.0, 2.0] }, "using": "keyword", ... }
    [Fact]
    public void DenseAndKeywordQueries_UseTheNamedVectorsAndTheFilter()
    {
        JsonAssert.Matches("""
            { "collectionName": "policybot", "query": { "nearest": { "dense": { "data": [ 0.6, 0.8 ] } } }, "using": "dense",
              "filter": { "must": [ { "field": { "key": "instrument_type", "match": { "keyword": "law" } } } ] },
              "limit": "3", "withPayload": { "enable": true } }
            """, _requests.DenseQuery(new float[] { 0.6f, 0.8f }, 3, new SearchFilter { InstrumentType = "Law" }));
        JsonAssert.Matches($$"""
            { "collectionName": "policybot", "query": { "nearest": { "sparse": { "indices": [ {{KeywordWeights.TermId("graphit")}} ], "values": [ 1 ] } } },
              "using": "keyword", "limit": "7", "withPayload": { "enable": true } }
            """, _requests.KeywordQuery(KeywordWeights.ForQuery("Graphite graphite"), 7, SearchFilter.None));
    }

    // https://qdrant.tech/documentation/manage-data/points/#delete-points (by filter):
    //   POST /collections/{collection_name}/points/delete { "filter": { "must": [ { "key": "document_id", "match": { "value": "..." } } ] } }
    [Fact]
    public void DeleteRequests_SelectPassagesByDocumentIdFilter()
    {
        JsonAssert.Matches("""
            { "collectionName": "policybot", "wait": true, "ordering": { "type": "Strong" },
              "points": { "filter": { "must": [
                { "field": { "key": "kind", "match": { "keyword": "passage" } } },
                { "field": { "key": "document_id", "match": { "keyword": "china-graphite" } } } ] } } }
            """, _requests.DeleteAllPassages("china-graphite"));
        JsonAssert.Matches("""
            { "collectionName": "policybot", "wait": true, "ordering": { "type": "Strong" },
              "points": { "filter": { "must": [
                { "field": { "key": "kind", "match": { "keyword": "passage" } } },
                { "field": { "key": "document_id", "match": { "keyword": "china-graphite" } } },
                { "field": { "key": "generation", "range": { "lt": 42 } } } ] } } }
            """, _requests.DeleteOlderPassages("china-graphite", 42));
    }

    // https://qdrant.tech/documentation/manage-data/points/#upload-points (named vectors, sparse as indices/values):
    //   PUT /collections/{collection_name}/points
    //   { "points": [ { "id": "<uuid>", "vector": { "dense": [...], "keyword": { "indices": [...], "values": [...] } }, "payload": {...} } ] }
    [Fact]
    public void UpsertPassages_BatchesPointsWithDenseAndKeywordVectors()
    {
        var document = new DocumentRecord("doc", "Graphite Controls", "policies/doc.md",
            new DocumentMetadata { Jurisdiction = "United States / Japan", Materials = ["Natural Graphite"], InstrumentType = "Law", Announced = "2024-02" },
            "sha256:x", DateTimeOffset.UnixEpoch, 3);
        var passages = Enumerable.Range(0, 3).Select(i => new Passage(Passage.MakeId("doc", i), "doc", i, null, $"Graphite text {i}")).ToList();
        var embeddings = passages.Select((_, i) => new[] { i, 1f }).ToList();

        var batches = _requests.UpsertPassages(document, passages, embeddings, generation: 7, batchSize: 2).ToList();

        Assert.Equal([2, 1], batches.Select(b => b.Points.Count));
        var point = batches[0].Points[1];
        Assert.Equal(Payload.PointIds.Passage("doc#001", 7).ToString(), point.Id.Uuid);
        Assert.Equal([1f, 1f], point.Vectors.Vectors_.Vectors[QdrantRequests.DenseVector].Dense.Data);
        var keyword = point.Vectors.Vectors_.Vectors[QdrantRequests.KeywordVector].Sparse;
        Assert.Contains(KeywordWeights.TermId("graphit"), keyword.Indices);
        Assert.Equal("united states / japan,united states,japan", string.Join(',', point.Payload["jurisdiction"].ListValue.Values.Select(v => v.StringValue)));
        Assert.Equal("natural graphite", point.Payload["materials"].ListValue.Values.Single().StringValue);
        Assert.Equal("law", point.Payload["instrument_type"].StringValue);
        Assert.Equal(20240201, point.Payload["announced"].IntegerValue);
        Assert.Equal(7, point.Payload["generation"].IntegerValue);
        Assert.All(batches, b => Assert.True(b.Wait));
    }

    [Fact]
    public void UpsertDocument_HasNoVectorsAndPointsAtTheGeneration()
    {
        var document = new DocumentRecord("doc", "T", "p.md", DocumentMetadata.Empty, "h", DateTimeOffset.UnixEpoch, 1);

        var point = _requests.UpsertDocument(document, 42, 1).Points.Single();

        Assert.Equal(Payload.PointIds.Document("doc").ToString(), point.Id.Uuid);
        Assert.Empty(point.Vectors.Vectors_.Vectors);
        Assert.Equal("document", point.Payload["kind"].StringValue);
        Assert.Equal(42, point.Payload["generation"].IntegerValue);
    }
}
