using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Composition;
using PolicyBot.Core.State;
using PolicyBot.Core.Tests.Fakes;
using PolicyBot.Tests;
using Xunit.Abstractions;

namespace PolicyBot.Core.Tests.Briefings;

/// <summary>
/// The whole data/ corpus as one briefing (every document new): the worst case for composition. Reports the time; it does not
/// assert on it (shared CI machines vary), only that every item is cited.
/// </summary>
public sealed class BriefingCompositionTimeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ComposeAsync_DataCorpusAllNew_EveryItemCitedAndTimeReported()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        await corpus.Pipeline.IngestAsync([Path.Combine(RepositoryPaths.Root, "data")], null, CancellationToken.None);
        var documents = await corpus.Index.ListDocumentsAsync(default);
        var since = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var until = since.AddDays(7);
        var history = new InMemoryIngestionHistory();
        await history.RecordAsync([.. documents.Select(d => new DocumentChange(d.Id, d.Title, DocumentChangeKind.Added, null, d.Metadata, since.AddHours(1)))], default);
        var composer = new BriefingComposer(history, corpus.Index, new ExtractiveAnswerComposer(), NullLogger<BriefingComposer>.Instance);
        var subscription = BriefingComposerTests.Subscription();

        var timings = new List<double>();
        Briefing? briefing = null;
        for (var run = 0; run < 6; run++)
        {
            var started = Stopwatch.GetTimestamp();
            briefing = await composer.ComposeAsync(subscription, since, until, default);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Assert.Equal(documents.Count, briefing!.Items.Count(i => i.Kind == BriefingItemKind.New));
        Assert.All(briefing.Items.Select((item, i) => (item, n: i + 1)), x =>
        {
            Assert.Equal(x.n, x.item.Citation!.Number);
            Assert.EndsWith($"[{x.n}]", x.item.Summary);
            Assert.False(string.IsNullOrEmpty(x.item.Citation.Quote));
        });
        foreach (var item in briefing.Items.Take(4).Append(briefing.Items[^1])) output.WriteLine($"{item.Kind} {item.Title}: {item.Summary} {string.Join("; ", item.Changes)}");
        var warm = timings.Skip(1).Order().ToList();
        output.WriteLine($"{briefing.Items.Count} items from {documents.Count} documents: first run {timings[0]:F1} ms, warm median {warm[warm.Count / 2]:F1} ms " +
            $"(runs {string.Join(" / ", timings.Select(t => $"{t:F1}"))}), {warm[warm.Count / 2] / briefing.Items.Count:F2} ms per item");
    }
}
