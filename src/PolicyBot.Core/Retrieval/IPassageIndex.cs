using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Retrieval;

/// <summary>
/// The port every passage store implements (embedded SQLite by default, Qdrant in production).
/// One contract-test suite checks every implementation.
/// </summary>
public interface IPassageIndex
{
    /// <summary>Opens or creates the store for vectors of this model; throws <see cref="IndexMismatchException"/> when it was built with another.</summary>
    Task InitializeAsync(string embeddingModelId, int dimensions, CancellationToken cancellationToken);

    Task<IReadOnlyList<DocumentRecord>> ListDocumentsAsync(CancellationToken cancellationToken);

    Task<DocumentRecord?> GetDocumentAsync(string documentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Passage>> GetPassagesAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>Replaces a document and all its passages atomically: readers see the old version or the new one, never a mix.</summary>
    Task UpsertDocumentAsync(DocumentRecord document, IReadOnlyList<Passage> passages, IReadOnlyList<float[]> embeddings, CancellationToken cancellationToken);

    /// <summary>Removes a document and its passages. Removing an unknown id is not an error.</summary>
    Task DeleteDocumentAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>Nearest passages by cosine similarity (vectors are unit length), best first.</summary>
    Task<IReadOnlyList<PassageHit>> SearchDenseAsync(ReadOnlyMemory<float> query, int top, SearchFilter filter, CancellationToken cancellationToken);

    /// <summary>Best passages by BM25 over the query's words, best first; scores are positive, higher is better.</summary>
    Task<IReadOnlyList<PassageHit>> SearchKeywordAsync(string query, int top, SearchFilter filter, CancellationToken cancellationToken);

    Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken);
}

public sealed record IndexStats(int DocumentCount, int PassageCount, DateTimeOffset? LastIngestedAt, string? EmbeddingModelId);

/// <summary>The index was built with another embedding model or dimension: re-ingest with --rebuild.</summary>
public sealed class IndexMismatchException(string message) : Exception(message);
