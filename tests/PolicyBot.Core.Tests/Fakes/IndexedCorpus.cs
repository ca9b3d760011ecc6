using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Embedded;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Retrieval;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.Fakes;

/// <summary>A real SQLite index in a temp folder, with the hashing embedder and an ingestion pipeline over a docs folder.</summary>
public sealed class IndexedCorpus : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();

    private IndexedCorpus()
    {
        Directory.CreateDirectory(DocsPath);
        Index = new SqlitePassageIndex(Options.Create(new EmbeddedIndexOptions { Path = _temp.File("index.db") }));
        Pipeline = new IngestionPipeline(Index, Embedder, DocumentReaderRegistry.CreateDefault(),
            Options.Create(new IngestionOptions { MaxPassageTokens = 60, OverlapTokens = 10, EmbeddingBatchSize = 8 }), TimeProvider.System,
            NullLogger<IngestionPipeline>.Instance);
    }

    public string DocsPath => _temp.File("docs");
    public HashingEmbedder Embedder { get; } = new();
    public SqlitePassageIndex Index { get; }
    public IngestionPipeline Pipeline { get; }

    public static async Task<IndexedCorpus> CreateAsync()
    {
        var corpus = new IndexedCorpus();
        await corpus.Index.InitializeAsync(corpus.Embedder.ModelId, corpus.Embedder.Dimensions, CancellationToken.None);
        return corpus;
    }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(DocsPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public Task<IngestionReport> IngestAsync() => Pipeline.IngestAsync([DocsPath], null, CancellationToken.None);

    public HybridRetriever Retriever(RetrievalOptions? options = null) => new(Index, Embedder, Options.Create(options ?? new RetrievalOptions()));

    public static string Measure(string id, string title, string jurisdiction, string announced, string body, string relations = "", string status = "in force") => $"""
        ---
        id: {id}
        title: "{title}"
        jurisdiction: {jurisdiction}
        instrument_type: announcement
        announced: {announced}
        effective:
        status: "{status}"
        materials: [graphite]
        sources:
          - https://example.org/{id}
        {relations}
        ---

        # {title}

        {body}
        """;

    public async ValueTask DisposeAsync()
    {
        await Index.DisposeAsync();
        _temp.Dispose();
    }
}
