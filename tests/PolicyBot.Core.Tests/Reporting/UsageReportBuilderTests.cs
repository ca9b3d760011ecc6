using PolicyBot.Core.Feedback;
using PolicyBot.Core.Reporting;
using PolicyBot.Core.Tests.Fakes;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.Reporting;

public sealed class UsageReportBuilderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = DateTimeOffset.Parse("2026-11-01T12:00:00Z");
    private readonly TempDirectory _temp = new();
    private IndexedCorpus _corpus = null!;
    private SqliteQuestionLog _questions = null!;
    private SqliteFeedbackStore _feedback = null!;

    public async Task InitializeAsync()
    {
        _questions = new SqliteQuestionLog(_temp.File("state.db"));
        _feedback = new SqliteFeedbackStore(_temp.File("state.db"));
        _corpus = await IndexedCorpus.CreateAsync();
        _corpus.Write("nickel.md", IndexedCorpus.Measure("id-nickel", "Indonesia nickel ore export ban", "Indonesia", "2020-01-01",
            "Indonesia banned exports of nickel ore from 1 January 2020 to build domestic smelting."));
        _corpus.Write("crma.md", IndexedCorpus.Measure("eu-crma", "Critical Raw Materials Act", "European Union", "2024-04-11",
            "The CRMA benchmarks are 10% extraction, 40% processing and 25% recycling."));
        await _corpus.IngestAsync();

        async Task Ask(string platform, string question, bool refused, string key, int day) =>
            await _questions.AddAsync(new QuestionRecord(platform, "c-" + key, "u", question, refused, key, Day.AddDays(day)), default);
        await Ask("web", "What are the CRMA benchmarks?", false, "k1", 0);
        await Ask("discord", "Nickel ore smelter quotas in Indonesia?", true, "k2", 1);
        await Ask("discord", "nickel ore smelter quotas in  indonesia?", true, "k3", 2);   // a repeat, spelled differently
        await Ask("teams", "What smelter quotas does Indonesia set for nickel ore?", true, "k4", 3);
        await Ask("teams", "Chile lithium royalty rates for brine?", false, "k5", 4);
        await Ask("web", "What are the CRMA recycling targets?", false, "k6", 5);
        await _feedback.AddAsync(new FeedbackRecord("teams", "c-k5", "u", "k5", false, "no royalty table", "Chile lithium royalty rates for brine?", "…", [], Day.AddDays(4)), default);
        await _feedback.AddAsync(new FeedbackRecord("web", "c-k1", "u", "k1", true, null, "What are the CRMA benchmarks?", "…", ["eu-crma"], Day.AddDays(0)), default);
        await _feedback.AddAsync(new FeedbackRecord("web", "c-k6", "u", "k6", true, null, "What are the CRMA recycling targets?", "…", ["eu-crma"], Day.AddDays(5)), default);
    }

    public async Task DisposeAsync()
    {
        await _corpus.DisposeAsync();
        _temp.Dispose();
    }

    private UsageReportBuilder Builder() => new(_questions, _feedback, _corpus.Embedder, _corpus.Index);

    [Fact]
    public async Task BuildAsync_CountsRatesAndPlatforms()
    {
        var report = await Builder().BuildAsync(null, 10, 0.4, default);

        Assert.Equal(6, report.Questions);
        Assert.Equal(3, report.Refused);
        Assert.Equal(0.5, report.RefusalRate);
        Assert.Equal((2, 1), (report.Helpful, report.NotHelpful));
        Assert.Equal(0.3333, report.NotHelpfulRate);
        Assert.Equal(["discord", "teams", "web"], report.Platforms.Select(p => p.Platform));
        Assert.Equal(new PlatformUsage("teams", 2, 1, 0, 1), report.Platforms[1]);
        Assert.Equal(4, report.GapQuestions);
    }

    [Fact]
    public async Task BuildAsync_GroupsGapQuestionsByTopicWithNearestDocuments()
    {
        var report = await Builder().BuildAsync(null, 10, 0.4, default);

        Assert.Equal(2, report.Clusters.Count);
        var nickel = report.Clusters[0];
        Assert.Equal(3, nickel.Size);
        Assert.Equal(3, nickel.Refused);
        Assert.Contains("nickel", nickel.Terms);
        Assert.Single(nickel.Examples);   // the repeat is merged into one question
        Assert.Equal("id-nickel", nickel.NearestDocuments[0].DocumentId);
        var chile = report.Clusters[1];
        Assert.Equal("Chile lithium royalty rates for brine?", chile.Representative);
        Assert.Equal((1, 0, 1), (chile.Size, chile.Refused, chile.NotHelpful));
        Assert.Equal(["no royalty table"], chile.Reasons);
    }

    [Fact]
    public async Task BuildAsync_Since_LeavesOutOlderQuestionsAndVotes()
    {
        var report = await Builder().BuildAsync(Day.AddDays(3), 10, 0.4, default);

        Assert.Equal(3, report.Questions);
        Assert.Equal(1, report.Refused);
        Assert.Equal((1, 1), (report.Helpful, report.NotHelpful));
        Assert.Equal(2, report.Clusters.Count);
    }

    [Fact]
    public async Task BuildAsync_MaxClusters_ShowsTheLargestOnly()
    {
        var report = await Builder().BuildAsync(null, 1, 0.4, default);
        Assert.Equal(3, Assert.Single(report.Clusters).Size);
    }

    [Fact]
    public async Task BuildAsync_NothingLogged_IsAnEmptyReport()
    {
        using var empty = new TempDirectory();
        var report = await new UsageReportBuilder(new SqliteQuestionLog(empty.File("s.db")), new SqliteFeedbackStore(empty.File("s.db")), _corpus.Embedder)
            .BuildAsync(null, 10, 0.5, default);

        Assert.Equal((0, 0.0, 0.0), (report.Questions, report.RefusalRate, report.NotHelpfulRate));
        Assert.Empty(report.Clusters);
    }
}
