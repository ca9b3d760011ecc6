using System.Globalization;
using PolicyBot.Host.Bench;

namespace PolicyBot.Host.Cli;

/// <summary>`bench --scale 1k,10k,100k`: synthetic corpora of each size, built once and cached, then measured.</summary>
internal static class ScaleBenchCommand
{
    public static async Task<int> RunAsync(CliContext cli, string scales, string realUpTo, int questions, string? cacheFolder, bool json, CancellationToken ct)
    {
        if (!ScaleText.TryParseList(scales, out var sizes) || !ScaleText.TryParse(realUpTo, out var realLimit))
        {
            await cli.Error.WriteLineAsync($"Error: sizes look like 1k, 10k, 100k or 2500 (got --scale '{scales}', --real-vectors-up-to '{realUpTo}').");
            return CliRunner.ConfigurationError;
        }
        if (questions is < 10 or > 100_000)
        {
            await cli.Error.WriteLineAsync("Error: --questions must be between 10 and 100000.");
            return CliRunner.ConfigurationError;
        }
        return await CliRunner.RunAsync(cli, async services =>
        {
            var cache = new BenchIndexCache(services, cacheFolder ?? BenchIndexCache.DefaultFolder, cli.Error);
            var bench = new ScaleBench(services, cli.Error);
            var results = new List<ScaleResult>();
            foreach (var size in sizes)
            {
                var built = await cache.EnsureAsync(size, size <= realLimit, ct);
                results.Add(await bench.RunAsync(ScaleText.Format(size), built, questions, ct));
            }
            if (json) await cli.Output.WriteLineAsync(CliJson.Serialize(results));
            else await WriteTableAsync(cli.Output, results);
            return CliRunner.Ok;
        }, ct);
    }

    private static async Task WriteTableAsync(TextWriter output, List<ScaleResult> results)
    {
        List<string[]> rows = [["metric", .. results.Select(r => r.Scale)]];
        void Row(string name, Func<ScaleResult, object?> value) => rows.Add([name, .. results.Select(r => Convert.ToString(value(r), CultureInfo.InvariantCulture) ?? "-")]);
        Row("passages (documents)", r => $"{r.Passages:N0} ({r.Documents:N0})");
        Row("vectors", r => r.Vectors + (r.IndexFromCache ? " (cached index)" : ""));
        Row("ingestion passages/s", r => r.Build.IngestionPassagesPerSecond);
        Row("raw embedder passages/s", r => r.Build.EmbedderPassagesPerSecond);
        Row("ingestion / embedder", r => r.Build.IngestionShareOfEmbedder is { } s ? s.ToString("P0", CultureInfo.InvariantCulture) : null);
        Row("ask total ms p50/p95/p99", r => r.Ask.TotalMs);
        Row("  retrieval ms p50/p95/p99", r => r.Ask.RetrievalMs);
        Row("    query embedding ms", r => r.Ask.QueryEmbeddingMs);
        Row("    keyword search ms", r => r.Ask.KeywordSearchMs);
        Row("  composition ms p50/p95/p99", r => r.Ask.CompositionMs);
        Row("questions (refused)", r => $"{r.Ask.Questions} ({r.Ask.RefusedShare:P0})");
        Row("dense top-50 ms (index)", r => r.VectorSearch.IndexMs);
        Row("brute force ms (1 thread)", r => r.VectorSearch.BruteForceMs);
        Row("brute force ms (all cores)", r => $"{r.VectorSearch.BruteForceParallelMs} ({r.VectorSearch.Workers} threads)");
        Row("index / brute force", r => $"{r.VectorSearch.RatioToBruteForce}x / {r.VectorSearch.RatioToParallelBruteForce}x");
        Row("same top-50 scores", r => r.VectorSearch.SameTopScores);
        Row("index open ms", r => r.IndexMemory.OpenMs);
        Row("managed bytes/passage", r => r.IndexMemory.ManagedBytesPerPassage);
        Row("working set bytes/passage", r => r.IndexMemory.WorkingSetBytesPerPassage);
        Row("load average", r => r.LoadAverage);
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows) await output.WriteLineAsync(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        if (results.Any(r => r.Vectors == "phrase-mix"))
            await output.WriteLineAsync("phrase-mix: passage vectors are normalised sums of real MiniLM vectors of the vocabulary phrases each passage contains, plus seeded noise; questions are embedded by the real model.");
        await output.WriteLineAsync("memory: " + results[0].IndexMemory.Method + $"; raw vectors are {results[0].IndexMemory.VectorBytesPerPassage} bytes/passage.");
    }
}

/// <summary>Corpus sizes as people write them: 1k, 10k, 100k, 1m or a plain number.</summary>
internal static class ScaleText
{
    public static bool TryParse(string? text, out int size)
    {
        size = 0;
        text = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text)) return false;
        var multiplier = text[^1] switch { 'k' => 1_000, 'm' => 1_000_000, _ => 1 };
        var digits = multiplier == 1 ? text : text[..^1];
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 2_000_000 / multiplier) return false;
        size = value * multiplier;
        return true;
    }

    public static bool TryParseList(string text, out List<int> sizes)
    {
        sizes = [];
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(part, out var size)) return false;
            sizes.Add(size);
        }
        return sizes.Count > 0;
    }

    public static string Format(int size) =>
        size % 1_000_000 == 0 ? $"{size / 1_000_000}m" : size % 1_000 == 0 ? $"{size / 1_000}k" : size.ToString(CultureInfo.InvariantCulture);
}
