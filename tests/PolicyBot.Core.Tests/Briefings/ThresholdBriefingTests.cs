using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Composition;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.State;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Briefings;

/// <summary>
/// A threshold changed in a document's text reaches the next briefing as before → after: ingest, edit the figure, ingest again
/// (real SQLite index and state file, real pipeline), compose the briefing for the period of the second run.
/// </summary>
public sealed class ThresholdBriefingTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);

    private static string Body(string share, string credit) =>
        $"Vehicles qualify when {share} of battery components are manufactured or assembled in North America. " +
        $"The credit is {credit} per vehicle. Imports below a de minimis threshold of 0.1% of the battery value are disregarded.";

    [Fact]
    public async Task ComposeAsync_ThresholdEditedBetweenRuns_ShowsBeforeAndAfter()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        var history = new SqliteIngestionHistory(new SqliteStateDatabase(Path.Combine(corpus.DocsPath, "..", "state.db")));
        var time = new FakeTimeProvider(Start);
        var pipeline = new IngestionPipeline(corpus.Index, corpus.Embedder, DocumentReaderRegistry.CreateDefault(),
            Options.Create(new IngestionOptions { MaxPassageTokens = 60, OverlapTokens = 10 }), time, NullLogger<IngestionPipeline>.Instance, history);
        corpus.Write("us-credit.md", IndexedCorpus.Measure("us-credit", "Clean vehicle credit", "United States", "2026-01-10", Body("50 percent", "$7,500")));
        await pipeline.IngestAsync([corpus.DocsPath], null, CancellationToken.None);
        var since = time.GetUtcNow();

        time.Advance(TimeSpan.FromDays(1));
        corpus.Write("us-credit.md", IndexedCorpus.Measure("us-credit", "Clean vehicle credit", "United States", "2026-01-10", Body("60 percent", "$7,500")));
        await pipeline.IngestAsync([corpus.DocsPath], null, CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));

        var composer = new BriefingComposer(history, corpus.Index, new ExtractiveAnswerComposer(), NullLogger<BriefingComposer>.Instance);
        var briefing = await composer.ComposeAsync(BriefingComposerTests.Subscription(), since, time.GetUtcNow(), CancellationToken.None);

        var changed = Assert.Single(briefing.Items, i => i.Kind == BriefingItemKind.Changed);
        Assert.Equal("us-credit", changed.DocumentId);
        Assert.Equal(["threshold: 50 percent of battery components → 60 percent of battery components"], changed.Changes);
        Assert.Contains("threshold: 50 percent of battery components → 60 percent of battery components", BriefingText.Render(briefing, BriefingComposerTests.Subscription()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_TextEditedButFiguresKept_SaysThresholdsUnchanged()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        var history = new InMemoryIngestionHistory();
        var time = new FakeTimeProvider(Start);
        var pipeline = new IngestionPipeline(corpus.Index, corpus.Embedder, DocumentReaderRegistry.CreateDefault(),
            Options.Create(new IngestionOptions { MaxPassageTokens = 60, OverlapTokens = 10 }), time, NullLogger<IngestionPipeline>.Instance, history);
        corpus.Write("us-credit.md", IndexedCorpus.Measure("us-credit", "Clean vehicle credit", "United States", "2026-01-10", Body("50 percent", "$7,500")));
        await pipeline.IngestAsync([corpus.DocsPath], null, CancellationToken.None);
        var since = time.GetUtcNow();

        time.Advance(TimeSpan.FromDays(1));
        corpus.Write("us-credit.md", IndexedCorpus.Measure("us-credit", "Clean vehicle credit", "United States", "2026-01-10",
            "Guidance was clarified. " + Body("50 percent", "$7,500")));
        await pipeline.IngestAsync([corpus.DocsPath], null, CancellationToken.None);

        var composer = new BriefingComposer(history, corpus.Index, new ExtractiveAnswerComposer(), NullLogger<BriefingComposer>.Instance);
        var briefing = await composer.ComposeAsync(BriefingComposerTests.Subscription(), since, time.GetUtcNow().AddHours(1), CancellationToken.None);

        Assert.Equal([MetadataDiff.TextOnly], Assert.Single(briefing.Items, i => i.Kind == BriefingItemKind.Changed).Changes);
    }
}
