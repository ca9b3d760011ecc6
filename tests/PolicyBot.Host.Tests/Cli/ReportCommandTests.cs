using System.Text.Json;
using PolicyBot.Core.Feedback;

namespace PolicyBot.Host.Tests.Cli;

/// <summary>`policybot report` over a seeded state file and a small real index, with the real MiniLM embedder.</summary>
public sealed class ReportCommandTests : IClassFixture<ReportCommandTests.Workspace>
{
    private readonly Workspace _workspace;

    public ReportCommandTests(Workspace workspace) => _workspace = workspace;

    public sealed class Workspace : IAsyncLifetime
    {
        private static readonly DateTimeOffset Day = DateTimeOffset.Parse("2026-10-01T09:00:00Z");

        public CliWorkspace Cli { get; } = new();
        public Dictionary<string, string?> State => new() { ["PolicyBot:State:Path"] = Cli.File("state.db") };

        public async Task InitializeAsync()
        {
            Cli.CopyPolicy("cn-announcement-58-2025-lithium-battery-graphite-anode");
            Cli.CopyPolicy("eu-critical-raw-materials-act-2024");
            var ingest = await Cli.RunAsync("ingest");
            Assert.True(ingest.ExitCode == 0, ingest.Error);

            var questions = new SqliteQuestionLog(Cli.File("state.db"));
            var feedback = new SqliteFeedbackStore(Cli.File("state.db"));
            var n = 0;
            async Task Ask(string platform, string question, bool refused, int day, bool? helpful = null, string? reason = null)
            {
                var key = $"k{++n}";
                await questions.AddAsync(new QuestionRecord(platform, "conv-" + platform, "user-" + n, question, refused, key, Day.AddDays(day)), default);
                if (helpful is { } h)
                    await feedback.AddAsync(new FeedbackRecord(platform, "conv-" + platform, "user-" + n, key, h, reason, question, "an answer", [], Day.AddDays(day)), default);
            }
            await Ask("discord", "Does Indonesia still ban nickel ore exports?", true, 0);
            await Ask("teams", "Is exporting nickel ore from Indonesia prohibited?", true, 1);
            await Ask("web", "Indonesian export ban on unprocessed nickel ore", true, 20);
            await Ask("web", "What royalty does Chile charge on lithium brine?", false, 21, helpful: false, reason: "no rates given");
            await Ask("discord", "What are the CRMA benchmarks?", false, 22, helpful: true);
            await Ask("teams", "When do China's export controls on graphite anode material take effect?", false, 23, helpful: true);
        }

        public Task DisposeAsync()
        {
            Cli.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Report_Json_HasCountsRatesAndTopicGroupsWithNearestDocuments()
    {
        var result = await _workspace.Cli.RunAsync(["report", "--json"], _workspace.State);

        Assert.True(result.ExitCode == 0, result.Error);
        var report = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(6, report.GetProperty("questions").GetInt32());
        Assert.Equal(3, report.GetProperty("refused").GetInt32());
        Assert.Equal(0.5, report.GetProperty("refusalRate").GetDouble());
        Assert.Equal(2, report.GetProperty("helpful").GetInt32());
        Assert.Equal(1, report.GetProperty("notHelpful").GetInt32());
        Assert.Equal(0.3333, report.GetProperty("notHelpfulRate").GetDouble());
        Assert.Equal(["discord", "teams", "web"], report.GetProperty("platforms").EnumerateArray().Select(p => p.GetProperty("platform").GetString()));
        Assert.Equal(4, report.GetProperty("gapQuestions").GetInt32());

        var clusters = report.GetProperty("clusters").EnumerateArray().ToList();
        Assert.Equal(2, clusters.Count);
        var nickel = clusters[0];
        Assert.Equal(3, nickel.GetProperty("size").GetInt32());
        Assert.Contains("nickel", nickel.GetProperty("representative").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, nickel.GetProperty("examples").GetArrayLength());
        Assert.Contains("nickel", nickel.GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        Assert.NotEmpty(nickel.GetProperty("nearestDocuments").EnumerateArray());
        var chile = clusters[1];
        Assert.Equal("What royalty does Chile charge on lithium brine?", chile.GetProperty("representative").GetString());
        Assert.Equal(["no rates given"], chile.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Report_Text_ShowsTotalsAndTables()
    {
        var result = await _workspace.Cli.RunAsync(["report"], _workspace.State);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Questions asked: 6", result.Output);
        Assert.Contains("Refused: 3 (50.0%)", result.Output);
        Assert.Contains("Feedback: 2 helpful, 1 not helpful (33.3% not helpful)", result.Output);
        Assert.Matches(@"Platform\s+Questions\s+Refused\s+Helpful\s+Not helpful", result.Output);
        Assert.Contains("Unanswered or poorly rated questions by topic (4 questions, 2 groups shown):", result.Output);
        Assert.Matches(@"(?m)^1\s+3 \(3 refused, 0 not helpful\)", result.Output);
        Assert.Contains("reason: no rates given", result.Output);
    }

    [Fact]
    public async Task Report_Since_CountsOnlyLaterQuestions()
    {
        var result = await _workspace.Cli.RunAsync(["report", "--since", "2026-10-15", "--json"], _workspace.State);

        var report = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("2026-10-15", report.GetProperty("since").GetString());
        Assert.Equal(4, report.GetProperty("questions").GetInt32());
        Assert.Equal(1, report.GetProperty("refused").GetInt32());
    }

    [Theory]
    [InlineData("--since", "last tuesday", "--since takes")]
    [InlineData("--clusters", "0", "--clusters must be between 1 and 100")]
    [InlineData("--threshold", "1.5", "--threshold must be between 0 and 1")]
    public async Task Report_BadOption_IsAClearErrorWithoutStackTrace(string option, string value, string message)
    {
        var result = await _workspace.Cli.RunAsync(["report", option, value], _workspace.State);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error + result.Output);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Report_EmptyStateFile_SaysThereIsNothingToGroup()
    {
        var result = await _workspace.Cli.RunAsync(["report"], new Dictionary<string, string?> { ["PolicyBot:State:Path"] = _workspace.Cli.File("empty.db") });

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Questions asked: 0", result.Output);
        Assert.Contains("No refused or poorly rated questions.", result.Output);
    }
}
