using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PolicyBot.Host.Cli;
using PolicyBot.Host.Tests.Cli;
using PolicyBot.Host.Tests.Server;

namespace PolicyBot.Host.Tests.Observability;

/// <summary>
/// A real index file, built by `policybot ingest`, then truncated or overwritten: the CLI says so in one line and names the
/// rebuild command; the server sets the file aside and rebuilds from the data folder instead of failing to start.
/// </summary>
public sealed class CorruptIndexTests
{
    public enum Damage { Truncated, Garbled }

    private static async Task<CliWorkspace> IngestedWorkspaceAsync()
    {
        var cli = new CliWorkspace();
        cli.CopyPolicy("cn-announcement-58-2025-lithium-battery-graphite-anode");
        cli.CopyPolicy("eu-critical-raw-materials-act-2024");
        var ingest = await cli.RunAsync("ingest");
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return cli;
    }

    private static void Damage_(string path, Damage damage)
    {
        // Fold the WAL into the main file first, so the damage hits the data and not just a log beside it.
        foreach (var suffix in new[] { "-wal", "-shm" })
            if (File.Exists(path + suffix)) File.Delete(path + suffix);
        var bytes = File.ReadAllBytes(path);
        if (damage == Damage.Truncated)
        {
            // Keep the header page, lose the rest: the schema points at pages that are no longer there.
            File.WriteAllBytes(path, bytes[..Math.Min(bytes.Length, 4096 + 100)]);
        }
        else
        {
            var random = new Random(7);
            random.NextBytes(bytes.AsSpan(0, Math.Min(bytes.Length, 8192)));
            File.WriteAllBytes(path, bytes);
        }
    }

    [Theory]
    [InlineData(Damage.Truncated)]
    [InlineData(Damage.Garbled)]
    public async Task Cli_DamagedIndex_OneClearLineNamingTheRebuild_ThenRebuildWorks(Damage damage)
    {
        using var cli = await IngestedWorkspaceAsync();
        Damage_(cli.IndexPath, damage);

        var ask = await cli.RunAsync("ask", "What are the CRMA benchmarks?");

        Assert.Equal(CliRunner.ConfigurationError, ask.ExitCode);
        var line = Assert.Single(ask.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Index error: The index file '{cli.IndexPath}' is damaged (", line);
        Assert.Contains("policybot ingest --rebuild", line);
        Assert.DoesNotContain("   at ", ask.Error);

        var rebuild = await cli.RunAsync("ingest", "--rebuild");
        Assert.True(rebuild.ExitCode == 0, rebuild.Error);
        Assert.Contains("2 added", rebuild.Output);
        var again = await cli.RunAsync("ask", "What are the CRMA benchmarks?");
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("[1]", again.Output);
    }

    [Theory]
    [InlineData(Damage.Truncated)]
    [InlineData(Damage.Garbled)]
    public async Task Server_DamagedIndex_SetsItAsideRebuildsAndServes(Damage damage)
    {
        using var cli = await IngestedWorkspaceAsync();
        Damage_(cli.IndexPath, damage);
        var damagedBytes = await File.ReadAllBytesAsync(cli.IndexPath);

        await using var server = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["PolicyBot:Ingestion:DataPath"] = cli.DataPath,
            ["PolicyBot:Index:Path"] = cli.IndexPath,
        });
        using var http = new HttpClient();

        var aside = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(cli.IndexPath)!, "index.db.corrupt-*"));
        Assert.Matches(@"index\.db\.corrupt-\d{8}T\d{6}Z$", aside);
        Assert.Equal(damagedBytes, await File.ReadAllBytesAsync(aside));   // kept as it was, for inspection
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(server.Address, "/readyz"))).StatusCode);
        var reply = await server.ChatAsync("c1", "What are the CRMA benchmarks?");
        Assert.Equal("answer", reply["kind"]!.GetValue<string>());
    }
}
