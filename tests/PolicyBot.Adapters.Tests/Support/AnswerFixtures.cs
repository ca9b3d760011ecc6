using PolicyBot.Core.Answering;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Adapters.Tests.Support;

internal static class AnswerFixtures
{
    public static DocumentRecord Lfp { get; } = new(
        "cn-announcement-58-2025-lithium-battery-graphite-anode", "China Announcement No. 58 of 2025 (lithium batteries, LFP cathode, graphite anode)", "/data/58.md",
        new DocumentMetadata
        {
            Jurisdiction = "China", Announced = "2025-10-09", Effective = "2025-11-08", Status = "suspended until 10 November 2026",
            Materials = ["LFP", "graphite"], Sources = ["https://example.org/58"],
        },
        "h", DateTimeOffset.Parse("2026-01-01T00:00:00Z"), 1);

    public static AnswerContext Context(string question = "When do China's export controls on LFP cathode materials take effect?") =>
        new(QueryAnalysis.Analyse(question, []),
            [new ScoredPassage(new Passage(Passage.MakeId(Lfp.Id, 0), Lfp.Id, 0, null,
                "Announcement No. 58 was issued on 9 October 2025 and was due to take effect on 8 November 2025. It covers LFP cathode material with a compaction density of at least 2.5 g/cm3."),
                Lfp, 1, 0.7, 10)],
            [new ConversationTurn(ChatRole.User, "What did China announce on 9 October 2025?")],
            new DateOnly(2026, 11, 30));
}
