using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Retrieval;

/// <summary>An index that fuses in one request (Qdrant) is asked once, and its dense cosines still drive the answerability gate.</summary>
public sealed class OneRequestHybridTests : IAsyncLifetime
{
    private IndexedCorpus _corpus = null!;

    public async Task InitializeAsync()
    {
        _corpus = await IndexedCorpus.CreateAsync();
        _corpus.Write("crma.md", IndexedCorpus.Measure("eu-crma", "Critical Raw Materials Act", "European Union", "2024-04-11",
            "The CRMA benchmarks are 10% extraction, 40% processing and 25% recycling, with a 65% single-country cap."));
        _corpus.Write("58.md", IndexedCorpus.Measure("cn-58", "Announcement No. 58", "China", "2025-10-09", "Announcement No. 58 controls lithium battery exports."));
        await _corpus.IngestAsync();
    }

    public async Task DisposeAsync() => await _corpus.DisposeAsync();

    [Fact]
    public async Task RetrieveAsync_IndexWithFusedSearch_UsesOneRequestAndItsDenseScores()
    {
        var fused = new FusedIndex(_corpus.Index);
        var retriever = new HybridRetriever(fused, _corpus.Embedder, Microsoft.Extensions.Options.Options.Create(new RetrievalOptions()));

        var result = await retriever.RetrieveAsync("What are the CRMA benchmarks for extraction and recycling?", [], SearchFilter.None, default);

        Assert.Equal(1, fused.FusedCalls);
        Assert.Equal(0, fused.SeparateCalls);
        Assert.True(result.Answerable);
        Assert.Equal("eu-crma", result.Passages[0].Document.Id);
        Assert.True(result.TopDense > 0.3);
    }

    /// <summary>A stand-in for an index with a native fused query: dense + keyword over the real SQLite index, fused by rank.</summary>
    private sealed class FusedIndex(IPassageIndex inner) : IHybridPassageIndex
    {
        public int FusedCalls { get; private set; }
        public int SeparateCalls { get; private set; }

        public async Task<IReadOnlyList<ScoredPassage>> SearchFusedAsync(ReadOnlyMemory<float> query, string text, int top, SearchFilter filter, int rrfK, CancellationToken cancellationToken)
        {
            FusedCalls++;
            var dense = await inner.SearchDenseAsync(query, top, filter, cancellationToken);
            var keyword = await inner.SearchKeywordAsync(text, top, filter, cancellationToken);
            return ScoreFusion.Fuse(dense, keyword, FusionMethod.ReciprocalRank, 0.5, rrfK)
                .Select(p => p with { Keyword = null, Dense = dense.FirstOrDefault(d => d.Passage.Id == p.Passage.Id)?.Score })
                .Take(top).ToList();
        }

        public Task<IReadOnlyList<PassageHit>> SearchDenseAsync(ReadOnlyMemory<float> query, int top, SearchFilter filter, CancellationToken cancellationToken)
        {
            SeparateCalls++;
            return inner.SearchDenseAsync(query, top, filter, cancellationToken);
        }

        public Task<IReadOnlyList<PassageHit>> SearchKeywordAsync(string query, int top, SearchFilter filter, CancellationToken cancellationToken)
        {
            SeparateCalls++;
            return inner.SearchKeywordAsync(query, top, filter, cancellationToken);
        }

        public Task InitializeAsync(string embeddingModelId, int dimensions, CancellationToken cancellationToken) => inner.InitializeAsync(embeddingModelId, dimensions, cancellationToken);
        public Task<IReadOnlyList<DocumentRecord>> ListDocumentsAsync(CancellationToken cancellationToken) => inner.ListDocumentsAsync(cancellationToken);
        public Task<DocumentRecord?> GetDocumentAsync(string documentId, CancellationToken cancellationToken) => inner.GetDocumentAsync(documentId, cancellationToken);
        public Task<IReadOnlyList<Passage>> GetPassagesAsync(string documentId, CancellationToken cancellationToken) => inner.GetPassagesAsync(documentId, cancellationToken);
        public Task UpsertDocumentAsync(DocumentRecord document, IReadOnlyList<Passage> passages, IReadOnlyList<float[]> embeddings, CancellationToken cancellationToken) =>
            inner.UpsertDocumentAsync(document, passages, embeddings, cancellationToken);
        public Task DeleteDocumentAsync(string documentId, CancellationToken cancellationToken) => inner.DeleteDocumentAsync(documentId, cancellationToken);
        public Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken) => inner.GetStatsAsync(cancellationToken);
    }
}
