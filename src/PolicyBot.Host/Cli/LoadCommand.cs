using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PolicyBot.Host.Bench;
using PolicyBot.Host.Server;

namespace PolicyBot.Host.Cli;

/// <summary>
/// `policybot load`: concurrent web-chat clients for a bounded time against a running bot (--url), or against a bot started
/// in this process on a cached synthetic benchmark index (--scale).
/// </summary>
internal static class LoadCommand
{
    public static Command Create(CliContext cli)
    {
        var url = new Option<string?>("--url") { Description = "Base address of a running `policybot serve`, e.g. http://127.0.0.1:5080." };
        var scale = new Option<string?>("--scale") { Description = "Without --url: start the bot in this process on the synthetic benchmark index of this size (e.g. 10k)." };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients, each asking one question at a time.", DefaultValueFactory = _ => 8 };
        var duration = new Option<string>("--duration") { Description = "How long to send questions: 30s, 2m, 500ms.", DefaultValueFactory = _ => "30s" };
        var questions = new Option<int>("--questions") { Description = "Distinct questions in the mix.", DefaultValueFactory = _ => 500 };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var cache = new Option<string?>("--cache") { Description = "Folder of the benchmark indexes (default ~/.cache/policybot-bench)." };
        var command = new Command("load", "Drive concurrent clients on POST /api/chat for a bounded time; report questions/s, latency percentiles and errors.")
            { url, scale, clients, duration, questions, json, cache };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(url);
            var size = parse.GetValue(scale);
            var problem =
                (target is null) == (size is null) ? "give either --url (a running bot) or --scale (start one here)" :
                target is not null && !TryParseUrl(target, out _) ? $"--url '{target}' is not an http(s) address" :
                size is not null && !ScaleText.TryParse(size, out _) ? $"--scale '{size}' is not a size like 10k" :
                !TryParseDuration(parse.GetValue(duration)!, out _) ? $"--duration '{parse.GetValue(duration)}' is not a duration like 30s, 2m or 500ms" :
                parse.GetValue(clients) is < 1 or > 1000 ? "--clients must be between 1 and 1000" :
                parse.GetValue(questions) is < 1 or > 100_000 ? "--questions must be between 1 and 100000" : null;
            if (problem is not null)
            {
                await cli.Error.WriteLineAsync($"Error: {problem}.");
                return CliRunner.ConfigurationError;
            }
            TryParseDuration(parse.GetValue(duration)!, out var span);
            var mix = SyntheticCorpus.Questions(parse.GetValue(questions), seed: 29);

            if (target is not null)
            {
                TryParseUrl(target, out var address);
                return await ReportAsync(cli, await LoadDriver.RunAsync(address, parse.GetValue(clients), span, mix, ct), parse.GetValue(json));
            }
            ScaleText.TryParse(size, out var passages);
            return await CliRunner.RunAsync(cli, async services =>
            {
                var built = await new BenchIndexCache(services, parse.GetValue(cache) ?? BenchIndexCache.DefaultFolder, cli.Error).EnsureAsync(passages, realVectors: false, ct);
                var state = Path.Combine(Path.GetTempPath(), $"policybot-load-{Guid.NewGuid():N}.db");
                try
                {
                    await using var app = PolicyBotServer.Build(["--urls", "http://127.0.0.1:0"], BotSettings(cli, built.Path, state));
                    await app.StartAsync(ct);
                    var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
                    await cli.Error.WriteLineAsync($"Bot started at {address} on {built.Build.Passages:N0} passages ({built.Build.Vectors} vectors).");
                    var result = await LoadDriver.RunAsync(address, parse.GetValue(clients), span, mix, ct);
                    await app.StopAsync(ct);
                    return await ReportAsync(cli, result, parse.GetValue(json));
                }
                finally
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(state + suffix);
                }
            }, ct);
        });
        return command;
    }

    private static Dictionary<string, string?> BotSettings(CliContext cli, string indexPath, string statePath)
    {
        var settings = new Dictionary<string, string?>(cli.Overrides ?? new Dictionary<string, string?>())
        {
            ["PolicyBot:Index:Provider"] = "embedded",
            ["PolicyBot:Index:Path"] = indexPath,
            ["PolicyBot:State:Path"] = statePath,
            // The benchmark index is never re-ingested from the data folder while under load.
            ["PolicyBot:Ingestion:Schedule"] = "",
            ["PolicyBot:Ingestion:Watch"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // Every load client comes from 127.0.0.1: the per-user question limit would measure the limiter, not the bot.
            ["PolicyBot:RateLimits:Enabled"] = "false",
        };
        return settings;
    }

    private static async Task<int> ReportAsync(CliContext cli, LoadResult result, bool json)
    {
        if (json) await cli.Output.WriteLineAsync(CliJson.Serialize(result));
        else
        {
            await cli.Output.WriteLineAsync($"{result.Clients} clients for {result.Seconds} s on {result.Url}api/chat: {result.Requests} requests, {result.Succeeded} answered, {result.Errors} errors");
            await cli.Output.WriteLineAsync($"sustained {result.QuestionsPerSecond} questions/s; latency p50 {result.LatencyMs.P50} ms, p95 {result.LatencyMs.P95} ms, p99 {result.LatencyMs.P99} ms");
            foreach (var (kind, count) in result.ErrorKinds) await cli.Output.WriteLineAsync($"  {kind}: {count}");
            await cli.Output.WriteLineAsync($"load average: {result.LoadAverage}");
        }
        return result.Errors == 0 ? CliRunner.Ok : CliRunner.Failed;
    }

    private static bool TryParseUrl(string text, out Uri address)
    {
        address = null!;
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            return false;
        address = parsed;
        return true;
    }

    internal static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim().ToLowerInvariant();
        var (digits, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        if (!double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
        duration = TimeSpan.FromSeconds(value * unit);
        return duration > TimeSpan.Zero && duration <= TimeSpan.FromHours(1);
    }
}
