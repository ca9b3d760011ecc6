using PolicyBot.Core.Domain;
using PolicyBot.Qdrant.Keywords;
using PolicyBot.Qdrant.Payload;
using Qdrant.Client.Grpc;

namespace PolicyBot.Qdrant.Requests;

internal sealed partial class QdrantRequests
{
    /// <summary>A document's passages of one generation, <paramref name="batchSize"/> points per request.</summary>
    public IEnumerable<UpsertPoints> UpsertPassages(DocumentRecord document, IReadOnlyList<Passage> passages, IReadOnlyList<float[]> embeddings,
        long generation, int batchSize)
    {
        for (var start = 0; start < passages.Count; start += batchSize)
        {
            var request = Upsert();
            for (var i = start; i < Math.Min(start + batchSize, passages.Count); i++)
            {
                var passage = passages[i];
                var vectors = new Dictionary<string, Vector> { [DenseVector] = embeddings[i] };
                var keywords = KeywordWeights.ForPassage(document.Title, passage.Heading, passage.Text);
                if (!keywords.IsEmpty) vectors[KeywordVector] = (keywords.Values, keywords.Indices);
                var point = new PointStruct { Id = PointIds.Passage(passage.Id, generation), Vectors = vectors };
                point.Payload.Add(PointPayload.ForPassage(passage, document, generation));
                request.Points.Add(point);
            }
            yield return request;
        }
    }

    /// <summary>The document's record, pointing readers at <paramref name="generation"/>: the commit point of an upsert.</summary>
    public UpsertPoints UpsertDocument(DocumentRecord document, long generation, int storedPassages)
    {
        // No vectors: a document point is never a search result.
        var point = new PointStruct { Id = PointIds.Document(document.Id), Vectors = new Vectors { Vectors_ = new NamedVectors() } };
        point.Payload.Add(PointPayload.ForDocument(document, generation, storedPassages));
        var request = Upsert();
        request.Points.Add(point);
        return request;
    }

    /// <summary>Passages of generations older than <paramref name="current"/> (the replaced version, or leftovers of a failed upsert).</summary>
    public DeletePoints DeleteOlderPassages(string documentId, long current)
    {
        var filter = PassagesOf(documentId);
        filter.Must.Add(Conditions.Range(PayloadKeys.Generation, new global::Qdrant.Client.Grpc.Range { Lt = current }));
        return Delete(filter);
    }

    /// <summary>One generation's passages: undoes a failed upsert.</summary>
    public DeletePoints DeletePassageGeneration(string documentId, long generation)
    {
        var filter = PassagesOf(documentId);
        filter.Must.Add(Conditions.Match(PayloadKeys.Generation, generation));
        return Delete(filter);
    }

    /// <summary>Every passage of a document, by the document id filter.</summary>
    public DeletePoints DeleteAllPassages(string documentId) => Delete(PassagesOf(documentId));

    public DeletePoints DeleteDocumentPoint(string documentId)
    {
        var request = new DeletePoints
        {
            CollectionName = Collection,
            Wait = true,
            Ordering = new WriteOrdering { Type = WriteOrderingType.Strong },
            Points = new PointsSelector { Points = new PointsIdsList() },
        };
        request.Points.Points.Ids.Add(PointIds.Document(documentId));
        return request;
    }

    /// <summary>The document points of these ids, with payload.</summary>
    public GetPoints GetDocuments(IEnumerable<string> documentIds)
    {
        var request = new GetPoints { CollectionName = Collection, WithPayload = new WithPayloadSelector { Enable = true } };
        request.Ids.Add(documentIds.Distinct(StringComparer.Ordinal).Select(id => (PointId)PointIds.Document(id)));
        return request;
    }

    /// <summary>A page of document points.</summary>
    public ScrollPoints ScrollDocuments(PointId? offset, uint limit)
    {
        var request = Scroll(new Filter { Must = { Conditions.MatchKeyword(PayloadKeys.Kind, PayloadKeys.DocumentKind) } }, offset, limit);
        return request;
    }

    /// <summary>A page of one generation of a document's passages.</summary>
    public ScrollPoints ScrollPassages(string documentId, long generation, PointId? offset, uint limit)
    {
        var filter = PassagesOf(documentId);
        filter.Must.Add(Conditions.Match(PayloadKeys.Generation, generation));
        return Scroll(filter, offset, limit);
    }

    private static Filter PassagesOf(string documentId) => new()
    {
        Must =
        {
            Conditions.MatchKeyword(PayloadKeys.Kind, PayloadKeys.PassageKind),
            Conditions.MatchKeyword(PayloadKeys.DocumentId, documentId),
        },
    };

    private ScrollPoints Scroll(Filter filter, PointId? offset, uint limit)
    {
        var request = new ScrollPoints
        {
            CollectionName = Collection,
            Filter = filter,
            Limit = limit,
            WithPayload = new WithPayloadSelector { Enable = true },
        };
        if (offset is not null) request.Offset = offset;
        return request;
    }

    // wait=true: the call returns once the change is applied, so the next read sees it. Strong ordering keeps replicas
    // of a distributed collection applying our writes in the order we sent them (commit point after passages).
    private UpsertPoints Upsert() => new()
    {
        CollectionName = Collection,
        Wait = true,
        Ordering = new WriteOrdering { Type = WriteOrderingType.Strong },
    };

    private DeletePoints Delete(Filter filter) => new()
    {
        CollectionName = Collection,
        Wait = true,
        Ordering = new WriteOrdering { Type = WriteOrderingType.Strong },
        Points = new PointsSelector { Filter = filter },
    };
}
