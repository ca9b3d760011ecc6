using Google.Protobuf;
using Grpc.Core;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;
using PolicyBot.Qdrant.Payload;
using PolicyBot.Qdrant.Requests;
using PolicyBot.Qdrant.Tests.Support;
using Qdrant.Client.Grpc;

namespace PolicyBot.Qdrant.Tests.Requests;

/// <summary>What the index sends, and how it reads given answers, over a recording transport (no Qdrant server).</summary>
public sealed class QdrantPassageIndexWireTests
{
    private const string Model = "all-MiniLM-L6-v2";
    private static readonly QdrantOptions Options = new() { Endpoint = "http://localhost:6334", UpsertBatchSize = 2 };
    private readonly QdrantRequests _requests = new(Options.Collection);

    [Fact]
    public async Task InitializeAsync_NoCollection_CreatesItThenEveryPayloadIndex()
    {
        CreateCollection? created = null;
        var (index, wire) = Index(request => request switch
        {
            CollectionExistsRequest => new CollectionExistsResponse { Result = new CollectionExists { Exists = created is not null } },
            CreateCollection c => Ok(created = c),
            GetCollectionInfoRequest => Info(created!),
            _ => new PointsOperationResponse(),
        });

        await index.InitializeAsync(Model, 384, CancellationToken.None);

        Assert.Equal(_requests.CreateCollection(Model, 384), wire.Sent<CreateCollection>().Single());
        Assert.Equal(_requests.PayloadIndexes(), wire.Sent<CreateFieldIndexCollection>());
    }

    [Theory]
    [InlineData("another-model", 384)]
    [InlineData(Model, 768)]
    public async Task InitializeAsync_CollectionOfAnotherModel_ThrowsIndexMismatchNamingStoredModel(string storedModel, int storedDimensions)
    {
        var (index, wire) = Index(request => request switch
        {
            CollectionExistsRequest => new CollectionExistsResponse { Result = new CollectionExists { Exists = true } },
            GetCollectionInfoRequest => Info(_requests.CreateCollection(storedModel, storedDimensions)),
            _ => throw new InvalidOperationException(request.Descriptor.Name),
        });

        var error = await Assert.ThrowsAsync<IndexMismatchException>(() => index.InitializeAsync(Model, 384, CancellationToken.None));

        Assert.Contains(storedModel, error.Message, StringComparison.Ordinal);
        Assert.Contains("--rebuild", error.Message, StringComparison.Ordinal);
        Assert.Empty(wire.Sent<CreateCollection>());
        Assert.Empty(wire.Sent<CreateFieldIndexCollection>());
    }

    [Fact]
    public async Task InitializeAsync_CollectionNotMadeByPolicyBot_ThrowsIndexMismatch()
    {
        var foreign = _requests.CreateCollection(Model, 384);
        foreign.Metadata.Clear();
        var (index, _) = Index(request => request switch
        {
            CollectionExistsRequest => new CollectionExistsResponse { Result = new CollectionExists { Exists = true } },
            _ => Info(foreign),
        });

        var error = await Assert.ThrowsAsync<IndexMismatchException>(() => index.InitializeAsync(Model, 384, CancellationToken.None));
        Assert.Contains("not created by PolicyBot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertDocumentAsync_PassagesInBatchesThenDocumentPointThenOlderGenerationsDeleted()
    {
        var (index, wire) = await InitializedAsync(_ => new PointsOperationResponse());
        var (document, passages, embeddings) = Document(3);

        await index.UpsertDocumentAsync(document, passages, embeddings, CancellationToken.None);

        var writes = wire.Requests.SkipWhile(r => r is not UpsertPoints).ToList();
        Assert.Collection(writes,
            r => Assert.Equal(2, Assert.IsType<UpsertPoints>(r).Points.Count),
            r => Assert.Single(Assert.IsType<UpsertPoints>(r).Points),
            r => Assert.Equal("document", Assert.IsType<UpsertPoints>(r).Points.Single().Payload["kind"].StringValue),
            r => Assert.IsType<DeletePoints>(r));
        var generation = ((UpsertPoints)writes[2]).Points.Single().Payload["generation"].IntegerValue;
        Assert.All(writes.Take(2).Cast<UpsertPoints>().SelectMany(u => u.Points), p => Assert.Equal(generation, p.Payload["generation"].IntegerValue));
        Assert.Equal(_requests.DeleteOlderPassages("doc", generation), writes[3]);
    }

    [Fact]
    public async Task UpsertDocumentAsync_PassageWriteFails_RemovesItsGenerationAndKeepsTheDocumentPoint()
    {
        var upserts = 0;
        var (index, wire) = await InitializedAsync(request => request is UpsertPoints && ++upserts == 2
            ? throw new RpcException(new Status(StatusCode.Unavailable, "down"))
            : new PointsOperationResponse());
        var (document, passages, embeddings) = Document(3);

        await Assert.ThrowsAsync<RpcException>(() => index.UpsertDocumentAsync(document, passages, embeddings, CancellationToken.None));

        var generation = wire.Sent<UpsertPoints>().First().Points[0].Payload["generation"].IntegerValue;
        Assert.DoesNotContain(wire.Sent<UpsertPoints>(), u => u.Points.Any(p => p.Payload["kind"].StringValue == "document"));
        Assert.Equal(_requests.DeletePassageGeneration("doc", generation), wire.Sent<DeletePoints>().Single());
    }

    [Fact]
    public async Task SearchDenseAsync_HitsOfAnotherGenerationOrDeletedDocument_AreDropped()
    {
        var (document, passages, _) = Document(2);
        var (index, _) = await InitializedAsync(request => request switch
        {
            QueryPoints => Hits((passages[0], document, 6, 0.9f), (passages[1], document, 5, 0.8f), (passages[1] with { DocumentId = "gone" }, document with { Id = "gone" }, 1, 0.7f)),
            GetPoints => new GetResponse { Result = { new RetrievedPoint { Id = PointIds.Document("doc"), Payload = { PointPayload.ForDocument(document, 6, 2) } } } },
            _ => new PointsOperationResponse(),
        });

        var hits = await index.SearchDenseAsync(new float[384], 2, SearchFilter.None, CancellationToken.None);

        var hit = Assert.Single(hits);
        Assert.Equal(passages[0], hit.Passage);
        Assert.Equal(document.Id, hit.Document.Id);
        Assert.Equal(0.9, hit.Score, 5);
    }

    private static QueryResponse Hits(params (Passage Passage, DocumentRecord Document, long Generation, float Score)[] hits)
    {
        var response = new QueryResponse();
        foreach (var (passage, document, generation, score) in hits)
        {
            response.Result.Add(new ScoredPoint { Id = PointIds.Passage(passage.Id, generation), Score = score, Payload = { PointPayload.ForPassage(passage, document, generation) } });
        }
        return response;
    }

    private static (DocumentRecord, List<Passage>, List<float[]>) Document(int passages)
    {
        var document = new DocumentRecord("doc", "Doc", "doc.md", DocumentMetadata.Empty, "h", DateTimeOffset.UnixEpoch, passages);
        var list = Enumerable.Range(0, passages).Select(i => new Passage(Passage.MakeId("doc", i), "doc", i, null, $"text {i}")).ToList();
        return (document, list, [.. list.Select(_ => new float[384])]);
    }

    private async Task<(QdrantPassageIndex, RecordingCallInvoker)> InitializedAsync(Func<IMessage, IMessage> respond)
    {
        var (index, wire) = Index(request => request switch
        {
            CollectionExistsRequest => new CollectionExistsResponse { Result = new CollectionExists { Exists = true } },
            GetCollectionInfoRequest => Info(_requests.CreateCollection(Model, 384)),
            CreateFieldIndexCollection => new PointsOperationResponse(),
            _ => respond(request),
        });
        await index.InitializeAsync(Model, 384, CancellationToken.None);
        return (index, wire);
    }

    private static (QdrantPassageIndex, RecordingCallInvoker) Index(Func<IMessage, IMessage> respond)
    {
        var wire = new RecordingCallInvoker(respond);
        return (new QdrantPassageIndex(Options, new QdrantGrpcClient(wire), ownsClient: false, logger: null), wire);
    }

    private static CollectionOperationResponse Ok(CreateCollection _) => new() { Result = true };

    private static GetCollectionInfoResponse Info(CreateCollection created)
    {
        var config = new CollectionConfig { Params = new CollectionParams { VectorsConfig = created.VectorsConfig, SparseVectorsConfig = created.SparseVectorsConfig } };
        config.Metadata.Add(created.Metadata);
        return new GetCollectionInfoResponse { Result = new CollectionInfo { Config = config } };
    }
}
