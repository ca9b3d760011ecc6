using System.Text.Json;

namespace PolicyBot.Host.Tests.Cli;

public sealed class EvalAndBeirTests : IDisposable
{
    private readonly CliWorkspace _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Eval_Json_PrintsExactlyTheDocumentedKeys()
    {
        _cli.CopyPolicy("cn-announcement-58-2025-lithium-battery-graphite-anode");
        _cli.CopyPolicy("eu-critical-raw-materials-act-2024");
        var questions = _cli.File("q.jsonl");
        await File.WriteAllLinesAsync(questions,
        [
            """{"id":"q1","question":"What is the energy density cutoff in Announcement No. 58?","expected_measures":["cn-announcement-58-2025-lithium-battery-graphite-anode"],"must_contain":[["300 Wh/kg"]],"kind":"fact"}""",
            """{"id":"q2","question":"and when did that regulation enter into force?","expected_measures":["eu-critical-raw-materials-act-2024"],"must_contain":[["23 May 2024","May 23, 2024"]],"kind":"follow_up","history":["What are the CRMA benchmarks?"]}""",
            """{"id":"q3","question":"what's the weather in Vancouver tomorrow","expected_measures":[],"must_contain":[],"kind":"out_of_scope"}""",
        ]);

        var result = await _cli.RunAsync("eval", questions, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var root = JsonDocument.Parse(result.Output).RootElement;
        string[] keys = ["measure_recall", "fact_accuracy", "refusal_accuracy", "false_refusals", "citation_validity", "latency_p50_ms", "latency_p95_ms"];
        Assert.Equal([.. keys, "by_kind"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["fact", "follow_up", "out_of_scope"], root.GetProperty("by_kind").EnumerateObject().Select(p => p.Name));
        foreach (var kind in root.GetProperty("by_kind").EnumerateObject())
            Assert.Equal(keys, kind.Value.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("by_kind").GetProperty("fact").GetProperty("refusal_accuracy").ValueKind);
        Assert.Equal(1.0, root.GetProperty("measure_recall").GetDouble());
        Assert.Equal(1.0, root.GetProperty("refusal_accuracy").GetDouble());
        Assert.Equal(0, root.GetProperty("false_refusals").GetInt32());
        Assert.Equal(1.0, root.GetProperty("citation_validity").GetDouble());
        Assert.True(root.GetProperty("latency_p95_ms").GetDouble() >= root.GetProperty("latency_p50_ms").GetDouble());
    }

    [Fact]
    public async Task Beir_TinyDataset_ScoresEveryMode()
    {
        var dir = _cli.File("tiny-beir");
        Directory.CreateDirectory(Path.Combine(dir, "qrels"));
        await File.WriteAllLinesAsync(Path.Combine(dir, "corpus.jsonl"),
        [
            """{"_id":"d1","title":"Graphite export licences","text":"China requires licences to export spherical graphite since December 2023.","metadata":{}}""",
            """{"_id":"d2","title":"Cobalt quotas","text":"The Democratic Republic of the Congo set cobalt export quotas for 2026.","metadata":{}}""",
            """{"_id":"d3","title":"Lithium brine","text":"Chile's national lithium strategy gives the state a majority in brine projects.","metadata":{}}""",
        ]);
        await File.WriteAllLinesAsync(Path.Combine(dir, "queries.jsonl"),
        [
            """{"_id":"q1","text":"spherical graphite export licences","metadata":{}}""",
            """{"_id":"q2","text":"cobalt export quota Congo","metadata":{}}""",
            """{"_id":"q9","text":"not judged","metadata":{}}""",
        ]);
        await File.WriteAllLinesAsync(Path.Combine(dir, "qrels", "test.tsv"), ["query-id\tcorpus-id\tscore", "q1\td1\t1", "q2\td2\t1"]);

        var result = await _cli.RunAsync("beir", dir, "--json", "--index", _cli.File("beir.db"));

        Assert.True(result.ExitCode == 0, result.Error);
        var root = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(["ndcg_at_10", "recall_at_100"], root.EnumerateObject().Select(p => p.Name));
        foreach (var metric in new[] { "ndcg_at_10", "recall_at_100" })
        {
            Assert.Equal(["keyword", "dense", "hybrid"], root.GetProperty(metric).EnumerateObject().Select(p => p.Name));
            foreach (var mode in root.GetProperty(metric).EnumerateObject())
                Assert.Equal(1.0, mode.Value.GetDouble());   // the one relevant document ranks first for each query
        }
    }

    [Fact]
    public async Task Bench_Json_ReportsThroughputAndLatencyFigures()
    {
        _cli.CopyPolicy("eu-critical-raw-materials-act-2024");

        var result = await _cli.RunAsync("bench", "--json", "--rounds", "1");

        Assert.True(result.ExitCode == 0, result.Error);
        var root = JsonDocument.Parse(result.Output).RootElement;
        Assert.True(root.GetProperty("passages").GetInt32() > 0);
        Assert.True(root.GetProperty("embedder_passages_per_second").GetDouble() > 0);
        Assert.True(root.GetProperty("ingestion_passages_per_second").GetDouble() > 0);
        var latency = root.GetProperty("ask_latency_ms");
        Assert.True(latency.GetProperty("p95").GetDouble() >= latency.GetProperty("p50").GetDouble());
        Assert.Equal(8, root.GetProperty("questions_asked").GetInt32());
    }
}
