using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Embedded;
using PolicyBot.Core.Evaluation;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Retrieval;
using PolicyBot.Host.Composition;

namespace PolicyBot.Host.Cli;

/// <summary>Measures, on this machine: the raw embedder, full ingestion of the data folder, and ask latency.</summary>
internal static class BenchCommand
{
    private static readonly string[] SampleQuestions =
    [
        "When do China's export controls on LFP cathode materials take effect?",
        "What are the CRMA benchmarks?",
        "Section 301 tariff on Chinese natural graphite",
        "Is China's battery export control still suspended?",
        "What counts as a prohibited foreign entity?",
        "DRC cobalt export quota",
        "timeline of China's graphite export controls",
        "What is the weather in Paris?",
    ];

    public static Command Create(CliContext cli)
    {
        var rounds = new Option<int>("--rounds") { Description = "Times each sample question is asked for the latency figures.", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var scale = new Option<string?>("--scale") { Description = "Synthetic corpus sizes instead of the data folder, e.g. 1k,10k,100k (cached under --cache)." };
        var questions = new Option<int>("--questions") { Description = "Distinct synthetic questions timed per scale.", DefaultValueFactory = _ => 200 };
        var realUpTo = new Option<string>("--real-vectors-up-to") { Description = "Largest scale embedded passage by passage with the real model; larger ones use phrase-mix vectors.", DefaultValueFactory = _ => "1k" };
        var cache = new Option<string?>("--cache") { Description = "Folder for the built benchmark indexes (default ~/.cache/policybot-bench)." };
        var command = new Command("bench", "Measure embedder throughput, ingestion throughput and ask latency on this machine.") { rounds, json, scale, questions, realUpTo, cache };
        command.SetAction((parse, ct) => parse.GetValue(scale) is { } sizes
            ? ScaleBenchCommand.RunAsync(cli, sizes, parse.GetValue(realUpTo)!, parse.GetValue(questions), parse.GetValue(cache), parse.GetValue(json), ct)
            : CliRunner.RunAsync(cli, async services =>
        {
            var bootstrap = services.GetRequiredService<IndexBootstrapper>();
            var embedder = services.GetRequiredService<IEmbedder>();
            var scratch = Path.Combine(Path.GetTempPath(), $"policybot-bench-{Guid.NewGuid():N}.db");
            try
            {
                // 1. Full ingestion of the data folder into a fresh index.
                IngestionReport ingestion;
                using (var index = new SqlitePassageIndex(Options.Create(new EmbeddedIndexOptions { Path = scratch }), services.GetRequiredService<ILogger<SqlitePassageIndex>>()))
                {
                    await index.InitializeAsync(embedder.ModelId, embedder.Dimensions, ct);
                    await embedder.EmbedAsync(["warm-up"], ct);
                    var pipeline = ActivatorUtilities.CreateInstance<IngestionPipeline>(services, (IPassageIndex)index);
                    ingestion = await pipeline.IngestAsync([bootstrap.DataPath], null, ct);

                    // 2. The raw embedder on exactly the texts ingestion embedded.
                    var texts = new List<string>();
                    foreach (var document in await index.ListDocumentsAsync(ct))
                        texts.AddRange((await index.GetPassagesAsync(document.Id, ct)).Select(p => EmbeddingText.For(document.Title, p)));
                    var started = Stopwatch.GetTimestamp();
                    await embedder.EmbedAsync(texts, ct);
                    var raw = texts.Count / Stopwatch.GetElapsedTime(started).TotalSeconds;

                    // 3. Ask latency on the configured index (ingested on first use), after one warm-up.
                    await bootstrap.EnsureIngestedAsync(null, cli.Error, ct);
                    var ask = services.GetRequiredService<AskService>();
                    await ask.AskAsync(new AskRequest(SampleQuestions[0]), ct);
                    var latencies = new List<double>();
                    for (var round = 0; round < parse.GetValue(rounds); round++)
                        foreach (var question in SampleQuestions)
                        {
                            var t = Stopwatch.GetTimestamp();
                            await ask.AskAsync(new AskRequest(question), ct);
                            latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                        }
                    latencies.Sort();
                    var result = new
                    {
                        passages = ingestion.PassagesEmbedded,
                        embedder_passages_per_second = Math.Round(raw, 1),
                        ingestion_passages_per_second = Math.Round(ingestion.PassagesPerSecond, 1),
                        ingestion_share_of_embedder = Math.Round(ingestion.PassagesPerSecond / raw, 3),
                        ask_latency_ms = new
                        {
                            p50 = Math.Round(Evaluator.Percentile(latencies, 0.50), 1),
                            p95 = Math.Round(Evaluator.Percentile(latencies, 0.95), 1),
                            p99 = Math.Round(Evaluator.Percentile(latencies, 0.99), 1),
                        },
                        questions_asked = latencies.Count,
                    };
                    if (parse.GetValue(json)) await cli.Output.WriteLineAsync(CliJson.Serialize(result));
                    else
                    {
                        await cli.Output.WriteLineAsync($"raw embedder ({embedder.ModelId}): {result.embedder_passages_per_second} passages/s");
                        await cli.Output.WriteLineAsync($"full ingestion of {bootstrap.DataPath}: {result.passages} passages, {result.ingestion_passages_per_second} passages/s ({result.ingestion_share_of_embedder:P0} of the embedder)");
                        await cli.Output.WriteLineAsync($"ask latency over {result.questions_asked} questions: p50 {result.ask_latency_ms.p50} ms, p95 {result.ask_latency_ms.p95} ms, p99 {result.ask_latency_ms.p99} ms");
                    }
                }
                return 0;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(scratch + suffix);
            }
        }, ct));
        return command;
    }
}
