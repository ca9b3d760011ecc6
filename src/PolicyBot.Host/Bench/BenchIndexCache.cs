using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Embedded;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Ingestion.Chunking;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Host.Bench;

/// <summary>How a cached benchmark index was built, kept next to it so reruns can report the build figures.</summary>
/// <param name="Vectors"><c>minilm</c> (every passage embedded by the real model) or <c>phrase-mix</c> (see <see cref="PhraseMixEmbedder"/>).</param>
/// <param name="IngestionPassagesPerSecond">The real ingestion pipeline, end to end (chunking, embedding, SQLite + FTS5 writes).</param>
/// <param name="EmbedderPassagesPerSecond">The embedder alone on the same passage texts; null for phrase-mix builds.</param>
internal sealed record BenchIndexBuild(
    int Passages, int Documents, string Vectors, double BuildSeconds, double IngestionPassagesPerSecond, double? EmbedderPassagesPerSecond, DateTimeOffset BuiltAt);

internal sealed record BenchIndex(string Path, BenchIndexBuild Build, bool FromCache);

/// <summary>
/// Builds synthetic benchmark indexes through the real ingestion pipeline and keeps them under a cache folder, keyed by
/// size, generator version, vector source and model, so a rerun opens them instead of rebuilding.
/// </summary>
internal sealed class BenchIndexCache(IServiceProvider services, string folder, TextWriter status)
{
    public static string DefaultFolder =>
        System.IO.Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "policybot-bench");

    public async Task<BenchIndex> EnsureAsync(int passages, bool realVectors, CancellationToken cancellationToken)
    {
        var model = services.GetRequiredService<IEmbedder>();
        var vectors = realVectors ? "minilm" : "phrase-mix";
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, $"bench-{passages}-g{SyntheticCorpus.Version}-{vectors}-{Safe(model.ModelId)}.db");
        var marker = path + ".build.json";
        if (File.Exists(path) && File.Exists(marker))
        {
            var cached = JsonSerializer.Deserialize<BenchIndexBuild>(await File.ReadAllTextAsync(marker, cancellationToken));
            if (cached is not null) return new BenchIndex(path, cached, true);
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        var corpus = SyntheticCorpus.Generate(passages);
        IEmbedder embedder = realVectors ? model : new PhraseMixEmbedder(model);
        await status.WriteLineAsync($"Building the {passages:N0}-passage benchmark index ({vectors} vectors) at {path} ...");

        BenchIndexBuild build;
        using (var index = new SqlitePassageIndex(Options.Create(new EmbeddedIndexOptions { Path = path }), services.GetRequiredService<ILogger<SqlitePassageIndex>>()))
        {
            await index.InitializeAsync(model.ModelId, model.Dimensions, cancellationToken);
            await embedder.EmbedAsync(["warm-up"], cancellationToken);
            // No ingestion history: benchmark documents must not show up in the bot's change log.
            var pipeline = new IngestionPipeline(index, embedder, services.GetRequiredService<DocumentReaderRegistry>(),
                services.GetRequiredService<IOptions<IngestionOptions>>(), TimeProvider.System, services.GetRequiredService<ILogger<IngestionPipeline>>());
            var report = await pipeline.IngestDocumentsAsync(corpus, null, cancellationToken);
            double? raw = realVectors ? await RawEmbedderThroughputAsync(model, corpus, cancellationToken) : null;
            build = new BenchIndexBuild(report.PassagesEmbedded, corpus.Count, vectors, report.Elapsed.TotalSeconds, report.PassagesPerSecond, raw, DateTimeOffset.UtcNow);
        }
        await File.WriteAllTextAsync(marker, JsonSerializer.Serialize(build), cancellationToken);
        return new BenchIndex(path, build, false);
    }

    /// <summary>The embedder alone on exactly the texts ingestion embedded (same chunking, same title prefix).</summary>
    private async Task<double> RawEmbedderThroughputAsync(IEmbedder model, IReadOnlyList<Core.Domain.SourceDocument> corpus, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<IngestionOptions>>().Value;
        var chunker = new PassageChunker(model.CountTokens, new ChunkingOptions { MaxTokens = options.MaxPassageTokens, OverlapTokens = options.OverlapTokens });
        var texts = corpus.SelectMany(d => chunker.Chunk(d).Select(p => EmbeddingText.For(d.Title, p))).ToList();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < texts.Count; i += options.EmbeddingBatchSize)
            await model.EmbedAsync(texts.GetRange(i, Math.Min(options.EmbeddingBatchSize, texts.Count - i)), cancellationToken);
        return texts.Count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
