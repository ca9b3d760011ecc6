using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Embedded;
using PolicyBot.Core.Evaluation;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Host.Cli;

internal static class BeirCommand
{
    private const int PassagePool = 300;

    public static Command Create(CliContext cli)
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "A BEIR-format folder: corpus.jsonl, queries.jsonl, qrels/test.tsv." };
        var split = new Option<string>("--split") { Description = "Which qrels file to score.", DefaultValueFactory = _ => "test" };
        var indexPath = new Option<string?>("--index") { Description = "SQLite file for the benchmark's own index (default .policybot/beir-<name>.db); reused when the corpus is unchanged." };
        var json = new Option<bool>("--json") { Description = "Print {\"ndcg_at_10\": {...}, \"recall_at_100\": {...}}." };
        var command = new Command("beir", "Score keyword-only, dense-only and hybrid retrieval on a BEIR dataset (nDCG@10, recall@100).") { folder, split, indexPath, json };
        command.SetAction((parse, ct) => CliRunner.RunAsync(cli, async services =>
        {
            var dir = parse.GetValue(folder)!;
            if (!dir.Exists) throw new DirectoryNotFoundException($"BEIR folder '{dir.FullName}' does not exist.");
            var dataset = BeirDataset.Load(dir.FullName, parse.GetValue(split)!);
            var path = parse.GetValue(indexPath) ?? Path.Combine(".policybot", $"beir-{dataset.Name}.db");

            using var index = new SqlitePassageIndex(Options.Create(new EmbeddedIndexOptions { Path = path }), services.GetRequiredService<ILogger<SqlitePassageIndex>>());
            var embedder = services.GetRequiredService<IEmbedder>();
            await index.InitializeAsync(embedder.ModelId, embedder.Dimensions, ct);
            var pipeline = ActivatorUtilities.CreateInstance<IngestionPipeline>(services, (IPassageIndex)index);
            var report = await pipeline.IngestDocumentsAsync(BeirBenchmark.ToDocuments(dataset).ToList(), ConsoleProgress.ForStandardError(cli.Error), ct);
            if (report.PassagesEmbedded > 0)
                await cli.Error.WriteLineAsync($"Indexed {report.Added + report.Updated} documents, {report.PassagesEmbedded} passages in {report.Elapsed.TotalSeconds:0} s ({report.PassagesPerSecond:0} passages/s).");

            var configured = services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
            var options = new RetrievalOptions { Fusion = configured.Fusion, DenseWeight = configured.DenseWeight, RrfK = configured.RrfK, CandidatePool = PassagePool };
            var retriever = new HybridRetriever(index, embedder, Options.Create(options));
            var scores = await BeirBenchmark.RunAsync(dataset, retriever, PassagePool, ct);
            if (parse.GetValue(json))
                await cli.Output.WriteLineAsync(CliJson.Serialize(new Dictionary<string, object> { ["ndcg_at_10"] = scores.NdcgAt10, ["recall_at_100"] = scores.RecallAt100 }));
            else
            {
                await cli.Output.WriteLineAsync($"{dataset.Name}: {scores.Queries} queries, {dataset.Corpus.Count} documents");
                await cli.Output.WriteLineAsync($"{"mode",-8} {"nDCG@10",8} {"recall@100",11}");
                foreach (var (name, _) in BeirBenchmark.Modes)
                    await cli.Output.WriteLineAsync($"{name,-8} {scores.NdcgAt10[name],8:0.0000} {scores.RecallAt100[name],11:0.0000}");
            }
            return 0;
        }, ct));
        return command;
    }
}
