using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Embedded;
using PolicyBot.Core.Evaluation;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Host.Bench;

internal sealed record Percentiles(double P50, double P95, double P99)
{
    public static Percentiles Of(List<double> values)
    {
        values.Sort();
        return new(Round(Evaluator.Percentile(values, 0.50)), Round(Evaluator.Percentile(values, 0.95)), Round(Evaluator.Percentile(values, 0.99)));
    }

    public static double Round(double value) => Math.Round(value, value < 10 ? 2 : 1);

    public override string ToString() => $"{P50} / {P95} / {P99}";
}

/// <param name="IndexMemory">How the index's in-memory part was measured, in bytes per passage.</param>
/// <param name="VectorSearch">The index's dense top-k (scan + reading the k passage rows) next to a TensorPrimitives brute force scan.</param>
internal sealed record ScaleResult(
    string Scale,
    int Passages,
    int Documents,
    string Vectors,
    bool IndexFromCache,
    BuildFigures Build,
    MemoryFigures IndexMemory,
    AskFigures Ask,
    VectorSearchFigures VectorSearch,
    string LoadAverage);

internal sealed record BuildFigures(double IngestionPassagesPerSecond, double? EmbedderPassagesPerSecond, double? IngestionShareOfEmbedder, double Seconds);

internal sealed record MemoryFigures(double OpenMs, double ManagedBytesPerPassage, double WorkingSetBytesPerPassage, int VectorBytesPerPassage, string Method);

internal sealed record AskFigures(int Questions, double RefusedShare, Percentiles QueryEmbeddingMs, Percentiles KeywordSearchMs, Percentiles RetrievalMs, Percentiles CompositionMs, Percentiles TotalMs);

internal sealed record VectorSearchFigures(int TopK, int Queries, double IndexMs, double BruteForceMs, double BruteForceParallelMs, int Workers, double RatioToBruteForce, double RatioToParallelBruteForce, bool SameTopScores);

/// <summary>Everything `bench --scale` measures for one corpus size.</summary>
internal sealed class ScaleBench(IServiceProvider services, TextWriter status)
{
    public async Task<ScaleResult> RunAsync(string scale, BenchIndex built, int questionCount, CancellationToken cancellationToken)
    {
        var embedder = services.GetRequiredService<IEmbedder>();
        await embedder.EmbedAsync(["warm-up"], cancellationToken);

        // Memory: full GCs around opening the index; managed heap delta and process working-set delta per passage.
        var (managedBefore, workingSetBefore) = MemoryNow();
        var opened = Stopwatch.GetTimestamp();
        using var index = new SqlitePassageIndex(Options.Create(new EmbeddedIndexOptions { Path = built.Path }), services.GetRequiredService<ILogger<SqlitePassageIndex>>());
        await index.InitializeAsync(embedder.ModelId, embedder.Dimensions, cancellationToken);
        var openMs = Stopwatch.GetElapsedTime(opened).TotalMilliseconds;
        var (managedAfter, workingSetAfter) = MemoryNow();
        var stats = await index.GetStatsAsync(cancellationToken);
        var passages = Math.Max(1, stats.PassageCount);
        var memory = new MemoryFigures(
            Math.Round(openMs),
            Math.Round((managedAfter - managedBefore) / (double)passages),
            Math.Round((workingSetAfter - workingSetBefore) / (double)passages),
            embedder.Dimensions * sizeof(float),
            "GC.GetTotalMemory(forceFullCollection) and Process.WorkingSet64 before and after opening the index, after full blocking GCs; divided by passages");

        var questions = SyntheticCorpus.Questions(questionCount);
        await status.WriteLineAsync($"[{scale}] {stats.PassageCount:N0} passages open in {openMs:0} ms; timing {questions.Count} questions ...");
        var ask = await MeasureAskAsync(index, embedder, questions, cancellationToken);
        var search = await MeasureVectorSearchAsync(index, embedder, questions, cancellationToken);

        var b = built.Build;
        return new ScaleResult(scale, stats.PassageCount, stats.DocumentCount, b.Vectors, built.FromCache,
            new BuildFigures(Math.Round(b.IngestionPassagesPerSecond, 1), b.EmbedderPassagesPerSecond is { } e ? Math.Round(e, 1) : null,
                b.EmbedderPassagesPerSecond is { } raw ? Math.Round(b.IngestionPassagesPerSecond / raw, 3) : null, Math.Round(b.BuildSeconds, 1)),
            memory, ask, search, LoadAverage());
    }

    private async Task<AskFigures> MeasureAskAsync(SqlitePassageIndex index, IEmbedder embedder, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        var retriever = new HybridRetriever(index, embedder, services.GetRequiredService<IOptions<RetrievalOptions>>());
        var composer = services.GetRequiredService<IAnswerComposer>();
        var askService = new AskService(retriever, composer, new CoverageDescriber(index), TimeProvider.System, services.GetRequiredService<ILogger<AskService>>());
        var today = DateOnly.FromDateTime(DateTime.Now);
        // Warm-up on other questions: the retriever caches query embeddings, and the timed questions must all be new to it.
        foreach (var warm in SyntheticCorpus.Questions(5, seed: 991)) await askService.AskAsync(new AskRequest(warm), cancellationToken);

        // Pass 1: the whole ask path as the bot runs it.
        var total = new List<double>();
        var refused = 0;
        foreach (var question in questions)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await askService.AskAsync(new AskRequest(question), cancellationToken);
            total.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (answer.Refused) refused++;
        }

        // Pass 2: the same questions split into query embedding, retrieval (a new retriever, so it embeds each query again
        // rather than hitting pass 1's cache) and composition.
        retriever = new HybridRetriever(index, embedder, services.GetRequiredService<IOptions<RetrievalOptions>>());
        List<double> embedding = [], keyword = [], retrieval = [], composition = [];
        foreach (var question in questions)
        {
            var started = Stopwatch.GetTimestamp();
            await embedder.EmbedAsync([question], cancellationToken);
            embedding.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            started = Stopwatch.GetTimestamp();
            await index.SearchKeywordAsync(question, 50, SearchFilter.None, cancellationToken);
            keyword.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            started = Stopwatch.GetTimestamp();
            var result = await retriever.RetrieveAsync(question, [], SearchFilter.None, cancellationToken);
            retrieval.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!result.Answerable) continue;

            started = Stopwatch.GetTimestamp();
            var composed = await composer.ComposeAsync(new AnswerContext(result.Query, result.Passages, [], today), cancellationToken);
            CitationPostProcessor.Process(composed.Text, result.Passages);
            composition.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return new AskFigures(questions.Count, Math.Round(refused / (double)questions.Count, 3),
            Percentiles.Of(embedding), Percentiles.Of(keyword), Percentiles.Of(retrieval), Percentiles.Of(composition), Percentiles.Of(total));
    }

    private async Task<VectorSearchFigures> MeasureVectorSearchAsync(SqlitePassageIndex index, IEmbedder embedder, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        const int top = 50, rounds = 5;
        var workers = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var brute = await BruteForceScan.LoadAsync(index, embedder.Dimensions, cancellationToken);
        var queries = await embedder.EmbedAsync(questions.Take(50).ToList(), cancellationToken);
        List<double> indexMs = [], bruteMs = [], parallelMs = [];
        var same = true;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var query in queries)
            {
                var started = Stopwatch.GetTimestamp();
                var hits = await index.SearchDenseAsync(query, top, SearchFilter.None, cancellationToken);
                indexMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

                started = Stopwatch.GetTimestamp();
                var scores = brute.Top(query, top);
                bruteMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

                started = Stopwatch.GetTimestamp();
                brute.Top(query, top, workers);
                parallelMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

                // Exact search: the index must find the same scores as the brute force.
                same &= hits.Count == scores.Length && hits.Select((h, i) => Math.Abs(h.Score - scores[i]) < 1e-4).All(ok => ok);
            }
        }
        var (i50, b50, p50) = (Median(indexMs), Median(bruteMs), Median(parallelMs));
        return new VectorSearchFigures(top, indexMs.Count, Percentiles.Round(i50), Percentiles.Round(b50), Percentiles.Round(p50), workers,
            Math.Round(i50 / b50, 2), Math.Round(i50 / p50, 2), same);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static (long Managed, long WorkingSet) MemoryNow()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (managed, process.WorkingSet64);
    }

    public static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }
}
