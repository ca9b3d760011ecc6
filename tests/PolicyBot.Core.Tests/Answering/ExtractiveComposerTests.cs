using PolicyBot.Core.Answering;
using PolicyBot.Core.Retrieval;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Answering;

public sealed class ExtractiveComposerTests
{
    private static readonly PolicyBot.Core.Domain.DocumentRecord Lfp = Records.Document(
        "cn-58", "China Announcement No. 58 of 2025 on lithium battery and graphite anode items",
        announced: "2025-10-09", effective: "2025-11-08", status: "suspended until 10 November 2026");

    private static AnswerContext Context(string question, params ScoredPassage[] passages) =>
        new(QueryAnalysis.Analyse(question, []), passages, [], new DateOnly(2026, 11, 30));

    [Fact]
    public void Compose_LeadsWithTitleJurisdictionAndDatesFromMetadata()
    {
        var context = Context("When do the LFP cathode controls take effect?",
            Records.Scored(Lfp, "Announcement No. 58 lists LFP cathode material with a compaction density of at least 2.5 g/cm3. The weather was fine."));

        var text = ExtractiveComposer.Compose(context);

        var lead = text.Split('\n')[0];
        Assert.StartsWith("China Announcement No. 58", lead);
        Assert.Contains("China", lead);
        Assert.Contains("announced 9 October 2025", lead);
        Assert.Contains("effective 8 November 2025", lead);
        Assert.Contains("suspended until 10 November 2026", lead);
        Assert.EndsWith("[1]", lead);
    }

    [Fact]
    public void Compose_EverySentenceIsCopiedFromAPassageAndCarriesItsMarker()
    {
        var other = Records.Document("cn-70", "Announcement No. 70", announced: "2025-11-07", effective: "2025-11-10");
        var passages = new[]
        {
            Records.Scored(Lfp, "Announcement No. 58 lists LFP cathode material with a compaction density of at least 2.5 g/cm3. It also lists graphite anode material.", score: 1),
            Records.Scored(other, "Announcement No. 70 suspends the LFP cathode controls of Announcement No. 58 until 10 November 2026.", score: 0.95),
        };
        var context = Context("What LFP cathode density is controlled?", passages);

        var text = ExtractiveComposer.Compose(context);

        var bullets = text.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(bullets);
        foreach (var bullet in bullets)
        {
            var marker = bullet[(bullet.LastIndexOf('[') + 1)..^1];
            var sentence = bullet[2..bullet.LastIndexOf(" [", StringComparison.Ordinal)];
            Assert.Contains(sentence, passages[int.Parse(marker) - 1].Passage.Text);
        }
        Assert.Contains("2.5 g/cm3", text);
        Assert.DoesNotContain("weather", text);
    }

    [Fact]
    public void Compose_SkipsSentencesThatShareNoWordWithTheQuestion()
    {
        var context = Context("What is the compaction density threshold?",
            Records.Scored(Lfp, "The compaction density threshold is 2.5 g/cm3. Officials held a press conference in Beijing on a sunny day."));

        var text = ExtractiveComposer.Compose(context);

        Assert.Contains("2.5 g/cm3", text);
        Assert.DoesNotContain("sunny", text);
    }

    [Fact]
    public void Compose_Timeline_OrdersDocumentsByAnnouncedDate()
    {
        var early = Records.Document("cn-2023", "Graphite controls 2023", announced: "2023-10-20", effective: "2023-12-01");
        var late = Records.Document("cn-2025", "Graphite anode controls 2025", announced: "2025-10-09");
        var context = Context("timeline of graphite export controls",
            Records.Scored(late, "The 2025 graphite controls cover anode material.", score: 1),
            Records.Scored(early, "The 2023 graphite controls require export licences.", score: 0.9));

        var text = ExtractiveComposer.Compose(context);

        Assert.True(text.IndexOf("Graphite controls 2023", StringComparison.Ordinal) < text.IndexOf("Graphite anode controls 2025", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_IncludesExpandedLaterMeasure()
    {
        var suspension = Records.Document("cn-70", "Announcement No. 70 suspension", announced: "2025-11-07");
        var context = Context("is No. 58 in force?",
            Records.Scored(Lfp, "Announcement No. 58 controls lithium battery items.", score: 1),
            Records.Scored(suspension, "Announcement No. 70 suspends No. 58 until 10 November 2026.", score: 0, dense: null, expanded: true));

        var text = ExtractiveComposer.Compose(context);

        Assert.Contains("Announcement No. 70 suspension", text);
        Assert.Contains("[2]", text);
    }
}
