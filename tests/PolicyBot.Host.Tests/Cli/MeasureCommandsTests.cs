using System.Text.Json;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Cli;

/// <summary>latest / timeline / compare / upcoming through the real `policybot` entry point, on the whole data/policies corpus (MiniLM, embedded index).</summary>
public sealed class MeasureCommandsTests(MeasureCommandsTests.Workspace workspace) : IClassFixture<MeasureCommandsTests.Workspace>
{
    public sealed class Workspace : IAsyncLifetime
    {
        public CliWorkspace Cli { get; } = new();

        public async Task InitializeAsync()
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "data", "policies"), "*.md"))
                Cli.CopyPolicy(Path.GetFileNameWithoutExtension(file));
            var ingest = await Cli.RunAsync("ingest");
            Assert.True(ingest.ExitCode == 0, ingest.Error);
        }

        public Task DisposeAsync()
        {
            Cli.Dispose();
            return Task.CompletedTask;
        }
    }

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        return JsonDocument.Parse(result.Output).RootElement;
    }

    /// <summary>Every citation number used by an item or a cell is one of the reply's citations, numbered 1..n.</summary>
    private static void AssertCitationsResolve(JsonElement reply)
    {
        var numbers = reply.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("n").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        var used = reply.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("citation"))
            .Concat(reply.GetProperty("table") is { ValueKind: JsonValueKind.Object } t
                ? t.GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("cells").EnumerateArray()).Select(c => c.GetProperty("citation"))
                : [])
            .Where(c => c.ValueKind == JsonValueKind.Number).Select(c => c.GetInt32());
        Assert.All(used, n => Assert.Contains(n, numbers));
    }

    [Fact]
    public async Task Latest_Json_NewestFirstWithDatesStatusSummaryAndCitation()
    {
        var reply = Json(await workspace.Cli.RunAsync("latest", "--limit", "3", "--json"));

        Assert.Equal(["kind", "text", "items", "table", "citations"], reply.EnumerateObject().Select(p => p.Name));
        Assert.Equal("measures", reply.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("table").ValueKind);
        var items = reply.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["2026-02-04", "2025-12-04", "2025-12-03"], items.Select(i => i.GetProperty("announced").GetString()));
        var first = items[0];
        Assert.Equal("us-critical-minerals-ministerial-forge-2026", first.GetProperty("documentId").GetString());
        Assert.Equal(["documentId", "title", "jurisdiction", "announced", "status", "url", "date", "summary", "notes", "citation"],
            first.EnumerateObject().Select(p => p.Name));
        var citation = reply.GetProperty("citations")[first.GetProperty("citation").GetInt32() - 1];
        Assert.Equal(first.GetProperty("summary").GetString(), citation.GetProperty("quote").GetString());
        Assert.Equal(["n", "documentId", "passageId", "title", "jurisdiction", "announced", "url", "quote"], citation.EnumerateObject().Select(p => p.Name));
        AssertCitationsResolve(reply);
    }

    [Fact]
    public async Task Compare_Json_TableWhoseEveryCellIsCitedOrNotFound()
    {
        var reply = Json(await workspace.Cli.RunAsync("compare", "China", "United States", "--material", "graphite", "--json"));

        var table = reply.GetProperty("table");
        Assert.Equal(["Measure", "Scope", "Thresholds", "Licensing or obligations", "Effective date", "Status"],
            table.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("cells")[0].GetProperty("text").GetString()!.StartsWith("China: China Graphite Export Controls", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.GetProperty("cells")[0].GetProperty("text").GetString()!.StartsWith("United States: ", StringComparison.Ordinal));
        Assert.All(rows.SelectMany(r => r.GetProperty("cells").EnumerateArray()), cell =>
            Assert.True(cell.GetProperty("citation").ValueKind == JsonValueKind.Number || cell.GetProperty("text").GetString() == "not found in the documents",
                cell.GetRawText()));
        AssertCitationsResolve(reply);
    }

    [Fact]
    public async Task Compare_Text_PrintsAlignedColumnsAndTheQuotedSources()
    {
        var result = await workspace.Cli.RunAsync("compare", "China", "United States", "--material", "graphite");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("Measure ", StringComparison.Ordinal));
        Assert.True(header > 0, result.Output);
        foreach (var column in new[] { "Scope", "Thresholds", "Licensing or obligations", "Effective date", "Status" })
            Assert.Contains(column, lines[header]);
        Assert.Matches(@"^-+( {2}-+){5}$", lines[header + 1]);
        var scope = lines[header].IndexOf("Scope", StringComparison.Ordinal);
        Assert.Equal(' ', lines[header + 2][scope - 1]);   // each row's cells start at the column's position
        Assert.Contains("\nSources:\n[1] ", result.Output);
        Assert.Contains("1 December 2023", result.Output);
    }

    [Fact]
    public async Task Upcoming_Json_FromAFixedDate_FindsTheBatteryPassport()
    {
        var reply = Json(await workspace.Cli.RunAsync("upcoming", "--from", "2027-01-01", "--days", "60", "--json"));

        var item = Assert.Single(reply.GetProperty("items").EnumerateArray());
        Assert.Equal(("eu-batteries-regulation-2023", "2027-02-18"), (item.GetProperty("documentId").GetString(), item.GetProperty("date").GetString()));
        Assert.Contains("battery passport", reply.GetProperty("citations")[0].GetProperty("quote").GetString());
        AssertCitationsResolve(reply);
    }

    [Fact]
    public async Task Timeline_Text_InDateOrderWithTheSuspension()
    {
        var result = await workspace.Cli.RunAsync("timeline", "graphite");

        Assert.Equal(0, result.ExitCode);
        var graphite2023 = result.Output.IndexOf("- 20 October 2023 · China · China Graphite Export Controls", StringComparison.Ordinal);
        var no58 = result.Output.IndexOf("- 9 October 2025 · China · MOFCOM/GAC Announcement No. 58", StringComparison.Ordinal);
        Assert.InRange(graphite2023, 0, no58 - 1);
        Assert.Contains("↳ suspended by MOFCOM/GAC Announcement No. 70 of 2025", result.Output[no58..]);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("upcoming")]
    [InlineData("search", "graphite")]
    public async Task DefaultsOnly_PassValidationAndRun(params string[] args)
    {
        // Regression: the range checks once read 0 for an option left at its default and rejected every such call.
        var result = await workspace.Cli.RunAsync(args);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        Assert.DoesNotContain("must be between", result.Error + result.Output);
    }

    [Theory]
    [InlineData("latest", "The newest measures first")]
    [InlineData("timeline", "in date order")]
    [InlineData("compare", "not found in the documents")]
    [InlineData("upcoming", "in the next N days")]
    public async Task Help_DescribesEachCommand(string command, string expected)
    {
        var result = await workspace.Cli.RunAsync(command, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Output);
        Assert.Contains("--json", result.Output);
    }

    [Theory]
    [InlineData("Name at least two", "compare", "China")]
    [InlineData("--days must be between 1 and 3660", "upcoming", "--days", "0")]
    [InlineData("--since takes", "latest", "--since", "last-week")]
    [InlineData("--limit must be between 1 and 100", "latest", "--limit", "500")]
    [InlineData("--top must be between 1 and 1000", "search", "graphite", "--top", "0")]
    public async Task BadArguments_FailWithAClearMessage(string expected, params string[] args)
    {
        var result = await workspace.Cli.RunAsync(args);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Error + result.Output);
    }
}
