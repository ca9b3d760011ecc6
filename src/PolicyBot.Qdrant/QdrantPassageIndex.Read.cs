using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;
using PolicyBot.Qdrant.Payload;
using Qdrant.Client.Grpc;

namespace PolicyBot.Qdrant;

public sealed partial class QdrantPassageIndex
{
    private const uint PageSize = 256;

    /// <summary>A document point: the record, the generation readers should see, and how many passages it has.</summary>
    private sealed record StoredDocument(DocumentRecord Record, long Generation, int StoredPassages);

    public async Task<IReadOnlyList<DocumentRecord>> ListDocumentsAsync(CancellationToken cancellationToken)
    {
        _ = Model;
        var documents = await ScrollDocumentsAsync(cancellationToken);
        return [.. documents.Select(d => d.Record).OrderBy(d => d.Id, StringComparer.Ordinal)];
    }

    public async Task<DocumentRecord?> GetDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        _ = Model;
        var documents = await GetStoredDocumentsAsync([documentId], cancellationToken);
        return documents.TryGetValue(documentId, out var stored) ? stored.Record : null;
    }

    public async Task<IReadOnlyList<Passage>> GetPassagesAsync(string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        _ = Model;
        var documents = await GetStoredDocumentsAsync([documentId], cancellationToken);
        if (!documents.TryGetValue(documentId, out var stored)) return [];

        var passages = new List<Passage>();
        PointId? offset = null;
        do
        {
            var page = await _client.Points.ScrollAsync(_requests.ScrollPassages(documentId, stored.Generation, offset, PageSize), Call(cancellationToken));
            passages.AddRange(page.Result.Select(p => PointPayload.ReadPassage(p.Payload)));
            offset = page.NextPageOffset;
        }
        while (offset is not null);
        return [.. passages.OrderBy(p => p.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)];
    }

    public async Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var model = Model;
        var documents = await ScrollDocumentsAsync(cancellationToken);
        var latest = documents.Count == 0 ? (DateTimeOffset?)null : documents.MaxBy(d => d.Record.IngestedAt.UtcTicks)!.Record.IngestedAt;
        return new IndexStats(documents.Count, documents.Sum(d => d.StoredPassages), latest, model.ModelId);
    }

    private async Task<List<StoredDocument>> ScrollDocumentsAsync(CancellationToken cancellationToken)
    {
        var documents = new List<StoredDocument>();
        PointId? offset = null;
        do
        {
            var page = await _client.Points.ScrollAsync(_requests.ScrollDocuments(offset, PageSize), Call(cancellationToken));
            documents.AddRange(page.Result.Select(p => ReadStoredDocument(p.Payload)));
            offset = page.NextPageOffset;
        }
        while (offset is not null);
        return documents;
    }

    private async Task<Dictionary<string, StoredDocument>> GetStoredDocumentsAsync(IEnumerable<string> documentIds, CancellationToken cancellationToken)
    {
        var request = _requests.GetDocuments(documentIds);
        var documents = new Dictionary<string, StoredDocument>(StringComparer.Ordinal);
        if (request.Ids.Count == 0) return documents;
        var response = await _client.Points.GetAsync(request, Call(cancellationToken));
        foreach (var point in response.Result)
        {
            var stored = ReadStoredDocument(point.Payload);
            documents[stored.Record.Id] = stored;
        }
        return documents;
    }

    private static StoredDocument ReadStoredDocument(Google.Protobuf.Collections.MapField<string, Value> payload) => new(
        PointPayload.ReadDocument(payload),
        PointPayload.Integer(payload, PayloadKeys.Generation),
        (int)PointPayload.Integer(payload, PayloadKeys.StoredPassages));
}
