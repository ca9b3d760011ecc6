using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Qdrant.Tests.Fakes;

/// <summary>A target index that records what it is given: documents, passages and the exact vectors. No search.</summary>
public sealed class InMemoryPassageIndex : IPassageIndex
{
    public Dictionary<string, (DocumentRecord Document, IReadOnlyList<Passage> Passages, IReadOnlyList<float[]> Embeddings)> Documents { get; } = new(StringComparer.Ordinal);

    public (string ModelId, int Dimensions)? Model { get; private set; }

    public int Upserts { get; private set; }

    public Task InitializeAsync(string embeddingModelId, int dimensions, CancellationToken cancellationToken)
    {
        if (Model is { } model && (model.ModelId != embeddingModelId || model.Dimensions != dimensions))
            throw new IndexMismatchException($"Built with '{model.ModelId}'; re-ingest with --rebuild.");
        Model = (embeddingModelId, dimensions);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DocumentRecord>> ListDocumentsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DocumentRecord>>([.. Documents.Values.Select(d => d.Document).OrderBy(d => d.Id, StringComparer.Ordinal)]);

    public Task<DocumentRecord?> GetDocumentAsync(string documentId, CancellationToken cancellationToken) =>
        Task.FromResult(Documents.TryGetValue(documentId, out var d) ? d.Document : null);

    public Task<IReadOnlyList<Passage>> GetPassagesAsync(string documentId, CancellationToken cancellationToken) =>
        Task.FromResult(Documents.TryGetValue(documentId, out var d) ? d.Passages : []);

    public Task UpsertDocumentAsync(DocumentRecord document, IReadOnlyList<Passage> passages, IReadOnlyList<float[]> embeddings, CancellationToken cancellationToken)
    {
        if (Model is null) throw new InvalidOperationException("Not initialized.");
        Documents[document.Id] = (document, passages, embeddings);
        Upserts++;
        return Task.CompletedTask;
    }

    public Task DeleteDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        Documents.Remove(documentId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PassageHit>> SearchDenseAsync(ReadOnlyMemory<float> query, int top, SearchFilter filter, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<PassageHit>> SearchKeywordAsync(string query, int top, SearchFilter filter, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken) => Task.FromResult(new IndexStats(
        Documents.Count,
        Documents.Values.Sum(d => d.Passages.Count),
        Documents.Count == 0 ? null : Documents.Values.MaxBy(d => d.Document.IngestedAt.UtcTicks).Document.IngestedAt,
        Model?.ModelId));
}
