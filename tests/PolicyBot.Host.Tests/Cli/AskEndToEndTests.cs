using System.Text.Json;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Cli;

/// <summary>
/// Ingests a temporary folder holding Markdown policies, the seed article as plain text, an HTML page and a PDF the test makes,
/// then asks questions through the real CLI entry point with the real MiniLM embedder and the embedded index.
/// </summary>
public sealed class AskEndToEndTests : IClassFixture<AskEndToEndTests.Workspace>
{
    private readonly Workspace _workspace;

    public AskEndToEndTests(Workspace workspace) => _workspace = workspace;

    public sealed class Workspace : IAsyncLifetime
    {
        public CliWorkspace Cli { get; } = new();
        public CliResult FirstRun { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Cli.CopyPolicy("cn-announcement-58-2025-lithium-battery-graphite-anode");
            Cli.CopyPolicy("cn-announcement-70-2025-suspension");
            Cli.CopyPolicy("eu-critical-raw-materials-act-2024");
            Cli.AddDocument("freedonia-cobalt-levy.html", TestDocuments.Html);
            await File.WriteAllBytesAsync(Path.Combine(Cli.DataPath, "sylvania-stockpile.pdf"), TestDocuments.Pdf());
            if (RepositoryPaths.Shared is not null)
                File.Copy(RepositoryPaths.SharedFile("corpus", "seed-article.txt"), Path.Combine(Cli.DataPath, "seed-article.txt"));
            FirstRun = await Cli.RunAsync("ask", "When do China's export controls on LFP cathode materials take effect?", "--json");
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

    [Fact]
    public void Ask_FirstRun_IngestsTheDataFolderWithProgressAndAnswersWithCitations()
    {
        var answer = Json(_workspace.FirstRun);
        Assert.Equal(["answer", "refused", "citations"], answer.EnumerateObject().Select(p => p.Name));

        Assert.Contains("First run: ingesting", _workspace.FirstRun.Error);
        Assert.Contains("ingest:", _workspace.FirstRun.Error);
        Assert.False(answer.GetProperty("refused").GetBoolean());
        Assert.Contains("8 November 2025", answer.GetProperty("answer").GetString());
        var citations = answer.GetProperty("citations").EnumerateArray().ToList();
        Assert.Contains(citations, c => c.GetProperty("documentId").GetString() == "cn-announcement-58-2025-lithium-battery-graphite-anode");
        var first = citations[0];
        Assert.Equal(["n", "documentId", "title", "jurisdiction", "announced", "effective", "url", "quote"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, first.GetProperty("n").GetInt32());
        Assert.StartsWith("https://", first.GetProperty("url").GetString());
        Assert.Contains("[1]", answer.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Ask_SecondRun_ReusesTheIndexWithoutIngesting()
    {
        var result = await _workspace.Cli.RunAsync("ask", "What are the CRMA benchmarks?", "--json");

        Assert.DoesNotContain("First run", result.Error);
        var citations = Json(result).GetProperty("citations").EnumerateArray();
        Assert.Contains(citations, c => c.GetProperty("documentId").GetString() == "eu-critical-raw-materials-act-2024");
    }

    [Fact]
    public async Task Ask_AboutTheHtmlPage_CitesItWithoutNavigationOrScripts()
    {
        var answer = Json(await _workspace.Cli.RunAsync("ask", "What export levy does Freedonia charge on cobalt?", "--json"));

        var citation = answer.GetProperty("citations").EnumerateArray().First();
        Assert.Equal("freedonia-cobalt-levy", citation.GetProperty("documentId").GetString());
        Assert.Equal("Freedonia cobalt levy", citation.GetProperty("title").GetString());
        Assert.Contains("12%", answer.GetProperty("answer").GetString());
        var quotes = string.Join(" ", answer.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("quote").GetString()));
        Assert.DoesNotContain("zanzibar-tracker", quotes);
        Assert.DoesNotContain("Quillwort", quotes);
    }

    [Fact]
    public async Task Ask_AboutThePdf_CitesIt()
    {
        var answer = Json(await _workspace.Cli.RunAsync("ask", "How large is the Sylvania manganese stockpile?", "--json"));

        Assert.Equal("sylvania-stockpile", answer.GetProperty("citations")[0].GetProperty("documentId").GetString());
        Assert.Contains("40,000 tonnes", answer.GetProperty("answer").GetString());
    }

    [SharedFact]
    public async Task Ask_AboutTheSeedArticle_CitesThePlainTextFile()
    {
        var answer = Json(await _workspace.Cli.RunAsync("ask", "Why does Nano One say battery makers need supply chain optionality?", "--json"));

        Assert.False(answer.GetProperty("refused").GetBoolean());
        Assert.Contains(answer.GetProperty("citations").EnumerateArray(), c => c.GetProperty("documentId").GetString() == "seed-article");
    }

    [Fact]
    public async Task Ask_QuestionOutsideTheDocuments_RefusesAndSaysWhatIsCovered()
    {
        var answer = Json(await _workspace.Cli.RunAsync("ask", "what's the weather in Vancouver tomorrow", "--json"));

        Assert.True(answer.GetProperty("refused").GetBoolean());
        Assert.Empty(answer.GetProperty("citations").EnumerateArray());
        Assert.Contains("do not cover", answer.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Ask_Text_PrintsNumberedSourcesAndFreshness()
    {
        var result = await _workspace.Cli.RunAsync("ask", "What did Announcement No. 70 of 2025 do?");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Sources:", result.Output);
        Assert.Matches(@"\[1\] .+ — China — announced", result.Output);
        Assert.Contains("Sources as of", result.Output);
    }

    [Fact]
    public async Task Ask_JurisdictionFilter_OnlyCitesThatJurisdiction()
    {
        var answer = Json(await _workspace.Cli.RunAsync("ask", "What are the export controls and benchmarks?", "--jurisdiction", "European Union", "--json"));

        Assert.All(answer.GetProperty("citations").EnumerateArray(), c => Assert.Equal("European Union", c.GetProperty("jurisdiction").GetString()));
    }

    [Fact]
    public async Task Search_Json_ListsRankedPassages()
    {
        var result = await _workspace.Cli.RunAsync("search", "Sylvania manganese", "--json", "--top", "3");

        var hits = Json(result).EnumerateArray().ToList();
        Assert.InRange(hits.Count, 1, 3);
        Assert.Equal("sylvania-stockpile", hits[0].GetProperty("documentId").GetString());
        Assert.Equal(1, hits[0].GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task Ingest_Again_SkipsUnchangedDocuments()
    {
        var result = await _workspace.Cli.RunAsync("ingest");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"0 added, 0 updated, \d+ unchanged, 0 removed, 0 failed", result.Output);
    }
}
