using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Tests;

/// <summary>
/// Our own <see cref="IPassageIndex"/> over a real one, with a switchable outage: while <see cref="Down"/> is set, or for the
/// first <c>failedOpens</c> calls to <see cref="InitializeAsync"/>, every call throws <see cref="IndexUnavailableException"/>
/// the way the Qdrant adapter does when Qdrant cannot be reached. Used to test recovery without a Qdrant server.
/// </summary>
public sealed class OutageIndex(IPassageIndex inner, int failedOpens = 0) : IPassageIndex
{
    private int _opens;
    private volatile bool _open;

    public bool Down { get; set; }

    /// <summary>How many times opening was attempted.</summary>
    public int OpenAttempts => Volatile.Read(ref _opens);

    public async Task InitializeAsync(string embeddingModelId, int dimensions, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _opens) <= failedOpens || Down) throw Unreachable();
        await inner.InitializeAsync(embeddingModelId, dimensions, cancellationToken);
        _open = true;
    }

    public Task<IReadOnlyList<DocumentRecord>> ListDocumentsAsync(CancellationToken cancellationToken) => Reach(() => inner.ListDocumentsAsync(cancellationToken));

    public Task<DocumentRecord?> GetDocumentAsync(string documentId, CancellationToken cancellationToken) => Reach(() => inner.GetDocumentAsync(documentId, cancellationToken));

    public Task<IReadOnlyList<Passage>> GetPassagesAsync(string documentId, CancellationToken cancellationToken) => Reach(() => inner.GetPassagesAsync(documentId, cancellationToken));

    public Task UpsertDocumentAsync(DocumentRecord document, IReadOnlyList<Passage> passages, IReadOnlyList<float[]> embeddings, CancellationToken cancellationToken) =>
        Reach(async () => { await inner.UpsertDocumentAsync(document, passages, embeddings, cancellationToken); return true; });

    public Task DeleteDocumentAsync(string documentId, CancellationToken cancellationToken) =>
        Reach(async () => { await inner.DeleteDocumentAsync(documentId, cancellationToken); return true; });

    public Task<IReadOnlyList<PassageHit>> SearchDenseAsync(ReadOnlyMemory<float> query, int top, SearchFilter filter, CancellationToken cancellationToken) =>
        Reach(() => inner.SearchDenseAsync(query, top, filter, cancellationToken));

    public Task<IReadOnlyList<PassageHit>> SearchKeywordAsync(string query, int top, SearchFilter filter, CancellationToken cancellationToken) =>
        Reach(() => inner.SearchKeywordAsync(query, top, filter, cancellationToken));

    public Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken) => Reach(() => inner.GetStatsAsync(cancellationToken));

    private Task<T> Reach<T>(Func<Task<T>> call) => Down || !_open ? Task.FromException<T>(Unreachable()) : call();

    private static IndexUnavailableException Unreachable() => new("Qdrant is not reachable (Unavailable).");
}
