using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Composition;
using PolicyBot.Core.Ingestion.Chunking;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Tests.Briefings;

public sealed class BriefingComposerTests(BriefingCorpus fixture) : IClassFixture<BriefingCorpus>
{
    private static readonly DateTimeOffset Since = BriefingCorpus.Since, Until = BriefingCorpus.Until;
    private readonly InMemoryIngestionHistory _history = new();
    private readonly ExtractiveAnswerComposer _answers = new();

    private BriefingComposer Composer() => new(_history, fixture.Corpus.Index, _answers, NullLogger<BriefingComposer>.Instance);

    internal static BriefingSubscription Subscription(string[]? jurisdictions = null, string[]? materials = null, bool skipEmpty = false, string zone = "UTC") =>
        new("b1", "discord", "chan-1", new BriefingSchedule(ScheduleKind.Daily, new TimeOnly(8, 0), null, null, zone),
            jurisdictions ?? [], materials ?? [], skipEmpty, "u1", Since.AddDays(-30), Since);

    private static DocumentChange Change(string id, string title, DocumentChangeKind kind, Domain.DocumentMetadata? before, Domain.DocumentMetadata? after, DateTimeOffset at) =>
        new(id, title, kind, before, after, at);

    /// <summary>The scenario most tests use: one new, one changed, one removed measure in the period, and changes outside it.</summary>
    private async Task RecordScenarioAsync()
    {
        var docs = (await fixture.Corpus.Index.ListDocumentsAsync(default)).ToDictionary(d => d.Id);
        await _history.RecordAsync(
        [
            Change("us-feoc", "Foreign entity of concern rules", DocumentChangeKind.Added, null, docs["us-feoc"].Metadata, Since.AddDays(-5)),
            Change("cn-58", docs["cn-58"].Title, DocumentChangeKind.Added, null, docs["cn-58"].Metadata, Since.AddDays(1)),
            Change("cn-graphite", "Graphite export controls", DocumentChangeKind.Updated,
                BriefingCorpus.Metadata("China", "2023-10-20", "2023-12-01", "in force", "graphite"), docs["cn-graphite"].Metadata, Since.AddDays(3)),
            Change("au-old", "Australian lithium export levy", DocumentChangeKind.Removed,
                BriefingCorpus.Metadata("Australia", "2022-03-01", "2022-07-01", "repealed", "lithium"), null, Since.AddDays(5)),
            Change("eu-crma", "Critical Raw Materials Act", DocumentChangeKind.Updated,
                docs["eu-crma"].Metadata, docs["eu-crma"].Metadata with { Status = "amended" }, Until.AddHours(1)),
        ], default);
    }

    [Fact]
    public async Task ComposeAsync_ChangesInPeriod_NewChangedRemovedThenUpcomingInOrder()
    {
        await RecordScenarioAsync();

        var briefing = await Composer().ComposeAsync(Subscription(), Since, Until, default);

        Assert.Equal(
            [
                (BriefingItemKind.New, "cn-58"), (BriefingItemKind.Changed, "cn-graphite"), (BriefingItemKind.Removed, "au-old"),
                (BriefingItemKind.Upcoming, "cn-58"), (BriefingItemKind.Upcoming, "cn-graphite"), (BriefingItemKind.Upcoming, "eu-crma"),
            ],
            briefing.Items.Select(i => (i.Kind, i.DocumentId)));
        Assert.True(briefing.HasChanges);
        Assert.Equal((Since, Until), (briefing.Since, briefing.Until));
    }

    [Fact]
    public async Task ComposeAsync_Dates_AnnouncedForChangesAndDueDateForUpcoming()
    {
        await RecordScenarioAsync();

        var items = (await Composer().ComposeAsync(Subscription(), Since, Until, default)).Items;

        Assert.Equal(
            [new DateOnly(2025, 10, 9), new DateOnly(2023, 10, 20), new DateOnly(2022, 3, 1), new DateOnly(2025, 11, 8), new DateOnly(2025, 11, 20), new DateOnly(2025, 11, 25)],
            items.Select(i => i.Date!.Value));
        Assert.Equal("takes effect on 8 November 2025", Assert.Single(items[3].Changes));
        Assert.Equal("status ends on 20 November 2025 (suspended until 20 November 2025)", Assert.Single(items[4].Changes));
        Assert.Equal("takes effect on 25 November 2025", Assert.Single(items[5].Changes));
        Assert.DoesNotContain(items, i => i.DocumentId == "us-feoc"); // effective 20 December 2025: 49 days after the period
    }

    [Fact]
    public async Task ComposeAsync_UpdatedMeasure_ListsEachChangedFieldBeforeAndAfter()
    {
        await RecordScenarioAsync();

        var changed = (await Composer().ComposeAsync(Subscription(), Since, Until, default)).Items.Single(i => i.Kind == BriefingItemKind.Changed);

        Assert.Equal(
            ["status: in force → suspended until 20 November 2025", "materials: graphite → graphite, spherical graphite"],
            changed.Changes);
        Assert.Equal(("Graphite export controls", "China"), (changed.Title, changed.Jurisdiction));
    }

    [Fact]
    public async Task ComposeAsync_EveryItem_HasAPipelineSummaryOfAtMostThreeSentencesEndingWithItsCitationNumber()
    {
        await RecordScenarioAsync();

        var briefing = await Composer().ComposeAsync(Subscription(), Since, Until, default);

        for (var n = 1; n <= briefing.Items.Count; n++)
        {
            var item = briefing.Items[n - 1];
            var citation = Assert.IsType<Citation>(item.Citation);
            Assert.Equal((n, item.DocumentId), (citation.Number, citation.DocumentId));
            Assert.EndsWith($" [{n}]", item.Summary);
            var text = item.Summary[..^$" [{n}]".Length];
            Assert.DoesNotContain("[", text);
            Assert.InRange(SentenceSplitter.Split(text).Count, 1, 3);
            if (item.Kind == BriefingItemKind.Removed) continue;

            // Copied from the document's own passages by the extractive composer, and cited to one of them.
            var passages = await fixture.Corpus.Index.GetPassagesAsync(item.DocumentId, default);
            Assert.Contains(passages, p => p.Id == citation.PassageId && p.Text == citation.Quote);
            var documentText = string.Join(" ", passages.Select(p => p.Text));
            Assert.All(SentenceSplitter.Split(text), sentence => Assert.Contains(sentence.TrimEnd('.'), documentText));
            Assert.Equal($"https://example.org/{item.DocumentId}", citation.Url);
        }
        Assert.Equal(3, _answers.Calls); // one composition per document, reused by its upcoming item
    }

    [Fact]
    public async Task ComposeAsync_RemovedMeasure_SummaryAndCitationFromItsLastMetadata()
    {
        await RecordScenarioAsync();

        var removed = (await Composer().ComposeAsync(Subscription(), Since, Until, default)).Items.Single(i => i.Kind == BriefingItemKind.Removed);

        Assert.Equal(("Australian lithium export levy", "Australia"), (removed.Title, removed.Jurisdiction));
        Assert.StartsWith("No longer among the indexed documents; it was: Australian lithium export levy (Australia; announced 1 March 2022", removed.Summary);
        Assert.Equal(("au-old", "https://example.org/x", "2022-03-01"), (removed.Citation!.DocumentId, removed.Citation.Url, removed.Citation.Announced));
    }

    [Fact]
    public async Task ComposeAsync_JurisdictionFilter_KeepsOnlyMatchingItems()
    {
        await RecordScenarioAsync();

        var briefing = await Composer().ComposeAsync(Subscription(jurisdictions: ["European Union"]), Since, Until, default);

        var item = Assert.Single(briefing.Items);
        Assert.Equal((BriefingItemKind.Upcoming, "eu-crma", 1), (item.Kind, item.DocumentId, item.Citation!.Number));
        Assert.False(briefing.HasChanges);
    }

    [Fact]
    public async Task ComposeAsync_MaterialFilter_MatchesOnEitherTheBeforeOrTheAfterMetadata()
    {
        await _history.RecordAsync(
        [
            Change("cn-graphite", "Graphite export controls", DocumentChangeKind.Updated,
                BriefingCorpus.Metadata("China", "2023-10-20", "2023-12-01", "in force", "cobalt"),
                BriefingCorpus.Metadata("China", "2023-10-20", "2023-12-01", "in force", "graphite"), Since.AddDays(1)),
        ], default);

        var cobalt = await Composer().ComposeAsync(Subscription(materials: ["cobalt"]), Since, Until, default);
        var nickel = await Composer().ComposeAsync(Subscription(materials: ["nickel"]), Since, Until, default);

        var changed = Assert.Single(cobalt.Items, i => i.Kind == BriefingItemKind.Changed);
        Assert.Equal(["materials: cobalt → graphite"], changed.Changes);
        Assert.Empty(nickel.Items);
    }

    [Fact]
    public async Task ComposeAsync_JurisdictionAndMaterial_BothMustMatch()
    {
        await RecordScenarioAsync();

        var briefing = await Composer().ComposeAsync(Subscription(jurisdictions: ["China", "Australia"], materials: ["lithium"]), Since, Until, default);

        // cn-58 (lithium-ion batteries) and au-old (lithium) match; cn-graphite is Chinese but not lithium.
        Assert.Equal(["cn-58", "au-old", "cn-58"], briefing.Items.Select(i => i.DocumentId));
    }

    [Fact]
    public async Task ComposeAsync_NothingChangedInPeriod_HasChangesIsFalse()
    {
        var briefing = await Composer().ComposeAsync(Subscription(jurisdictions: ["United States"]), Since, Until, default);

        Assert.False(briefing.HasChanges);
        Assert.Empty(briefing.Items);
        Assert.Equal(0, _answers.Calls);
    }

    [Fact]
    public async Task ComposeAsync_SeveralChangesToOneDocument_AreFoldedIntoTheNetChange()
    {
        var docs = (await fixture.Corpus.Index.ListDocumentsAsync(default)).ToDictionary(d => d.Id);
        var crma = docs["eu-crma"].Metadata;
        await _history.RecordAsync(
        [
            Change("cn-58", "Announcement No. 58 (draft)", DocumentChangeKind.Added, null, docs["cn-58"].Metadata with { Status = "draft" }, Since.AddDays(1)),
            Change("cn-58", docs["cn-58"].Title, DocumentChangeKind.Updated, docs["cn-58"].Metadata with { Status = "draft" }, docs["cn-58"].Metadata, Since.AddDays(2)),
            Change("eu-crma", "CRMA (old title)", DocumentChangeKind.Updated, crma with { Effective = "2024-05-23" }, crma with { Status = "x" }, Since.AddDays(1)),
            Change("eu-crma", "Critical Raw Materials Act", DocumentChangeKind.Updated, crma with { Status = "x" }, crma, Since.AddDays(2)),
            Change("tmp", "Briefly indexed", DocumentChangeKind.Added, null, crma, Since.AddDays(1)),
            Change("tmp", "Briefly indexed", DocumentChangeKind.Removed, crma, null, Since.AddDays(2)),
        ], default);

        var items = (await Composer().ComposeAsync(Subscription(), Since, Until, default)).Items.Where(i => i.Kind != BriefingItemKind.Upcoming).ToList();

        Assert.Equal([(BriefingItemKind.New, "cn-58"), (BriefingItemKind.Changed, "eu-crma")], items.Select(i => (i.Kind, i.DocumentId)));
        Assert.Empty(items[0].Changes);
        Assert.Equal(["title: CRMA (old title) → Critical Raw Materials Act", "effective: 23 May 2024 → 25 November 2025"], items[1].Changes);
    }

    [Fact]
    public async Task ComposeAsync_TextOnlyUpdate_SaysSo()
    {
        var crma = (await fixture.Corpus.Index.GetDocumentAsync("eu-crma", default))!.Metadata;
        await _history.RecordAsync([Change("eu-crma", "Critical Raw Materials Act", DocumentChangeKind.Updated, crma, crma, Since.AddDays(1))], default);

        var changed = (await Composer().ComposeAsync(Subscription(), Since, Until, default)).Items.Single(i => i.Kind == BriefingItemKind.Changed);

        Assert.Equal([MetadataDiff.TextOnly], changed.Changes);
    }

    [Fact]
    public async Task ComposeAsync_SameInputs_SameBriefing()
    {
        await RecordScenarioAsync();

        var first = await Composer().ComposeAsync(Subscription(), Since, Until, default);
        var second = await Composer().ComposeAsync(Subscription(), Since, Until, default);

        Assert.Equal(Flatten(first), Flatten(second));

        static string Flatten(Briefing b) => string.Join("\n", b.Items.Select(i => $"{i.Kind}|{i.DocumentId}|{i.Date}|{i.Summary}|{string.Join(";", i.Changes)}|{i.Citation}"));
    }

    [Fact]
    public async Task ComposeAsync_UpcomingWindow_CountsFromTheDateInTheSubscriptionTimeZone()
    {
        // 25 October 12:00 UTC is 26 October in Auckland (UTC+13): the 30-day window ends 24 November in UTC, 25 November there.
        var until = new DateTimeOffset(2025, 10, 25, 12, 0, 0, TimeSpan.Zero);

        var utc = await Composer().ComposeAsync(Subscription(), until.AddDays(-1), until, default);
        var auckland = await Composer().ComposeAsync(Subscription(zone: "Pacific/Auckland"), until.AddDays(-1), until, default);

        Assert.DoesNotContain(utc.Items, i => i.DocumentId == "eu-crma"); // takes effect 25 November
        Assert.Contains(auckland.Items, i => i.DocumentId == "eu-crma" && i.Date == new DateOnly(2025, 11, 25));
    }

    [Fact]
    public async Task ComposeAsync_ProseComposer_KeepsTheFirstThreeSupportedSentences()
    {
        await RecordScenarioAsync();
        var prose = new ScriptedComposer("An unsupported opening. It controls battery exports [1]. A claim citing nothing given [9]. " +
            "Licences come from MOFCOM [1].\nIt covers anodes [1]. A fourth cited sentence [1].");
        var composer = new BriefingComposer(_history, fixture.Corpus.Index, prose, NullLogger<BriefingComposer>.Instance);

        var item = (await composer.ComposeAsync(Subscription(), Since, Until, default)).Items[0];

        Assert.Equal("It controls battery exports. Licences come from MOFCOM. It covers anodes. [1]", item.Summary);
        Assert.Equal("cn-58#000", item.Citation!.PassageId);
        Assert.Equal("What is Announcement No. 58 on lithium battery and graphite anode exports?", prose.Questions[0]);
    }

    [Fact]
    public async Task ComposeAsync_ComposerCitesNothing_FallsBackToTheDocumentsOpeningSentenceWithItsCitation()
    {
        await RecordScenarioAsync();
        var composer = new BriefingComposer(_history, fixture.Corpus.Index, new ScriptedComposer("No markers at all."), NullLogger<BriefingComposer>.Instance);

        var item = (await composer.ComposeAsync(Subscription(), Since, Until, default)).Items[0];

        Assert.StartsWith("Announcement No. 58 controls exports of lithium-ion batteries", item.Summary);
        Assert.EndsWith(" [1]", item.Summary);
        Assert.Equal(("cn-58", "cn-58#000", 1), (item.Citation!.DocumentId, item.Citation.PassageId, item.Citation.Number));
    }

    [Fact]
    public async Task ComposeAsync_PeriodEndsBeforeItStarts_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Composer().ComposeAsync(Subscription(), Until, Since, default));
    }

    private sealed class ScriptedComposer(string text) : IAnswerComposer
    {
        public List<string> Questions { get; } = [];

        public Task<ComposedText> ComposeAsync(AnswerContext context, CancellationToken cancellationToken)
        {
            Questions.Add(context.Question);
            return Task.FromResult(new ComposedText(text));
        }
    }
}
