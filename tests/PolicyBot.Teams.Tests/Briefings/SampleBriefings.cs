using PolicyBot.Core.Answering;
using PolicyBot.Core.Briefings;

namespace PolicyBot.Teams.Tests.Briefings;

/// <summary>Briefings as the composer makes them: item n's summary ends with [n] and its citation has Number n.</summary>
internal static class SampleBriefings
{
    public const string ChannelConversation = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2";
    public static readonly DateTimeOffset Since = new(2025, 10, 25, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Until = new(2025, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public static BriefingSubscription Subscription(string channelId = ChannelConversation, bool skipEmpty = false, string platform = "teams") =>
        new("b1", platform, channelId, new BriefingSchedule(ScheduleKind.Weekly, new TimeOnly(9, 30), DayOfWeek.Monday, null, "Europe/Berlin"),
            [], ["graphite"], skipEmpty, "29:user", Since.AddDays(-30), Since);

    public static BriefingItem Item(int n, BriefingItemKind kind, string id, string? summary = null, IReadOnlyList<string>? changes = null, DateOnly? date = null) =>
        new(kind, id, $"Title {id}", "China", $"{summary ?? $"Summary of {id}."} [{n}]", changes ?? [],
            new Citation(n, id, id + "#000", $"Title {id}", "China", "2025-10-09", "2025-11-08", $"https://example.org/{id}", "quote"),
            date ?? new DateOnly(2025, 10, 9));

    public static Briefing OneOfEach() => new(Since, Until,
    [
        Item(1, BriefingItemKind.New, "cn-58", "Announcement No. 58 controls exports of lithium-ion batteries."),
        Item(2, BriefingItemKind.Changed, "cn-graphite", "China requires licences for spherical graphite.",
            ["status: in force → suspended until 20 November 2025"], new DateOnly(2023, 10, 20)),
        Item(3, BriefingItemKind.Removed, "au-old"),
        Item(4, BriefingItemKind.Upcoming, "eu-crma", "The CRMA sets benchmarks.", ["takes effect on 25 November 2025"], new DateOnly(2025, 11, 25)),
    ]);

    public static Briefing Large(int count, int summaryLength) => new(Since, Until,
        [.. Enumerable.Range(1, count).Select(n => Item(n, (BriefingItemKind)((n - 1) * 4 / count), $"doc-{n:D3}",
            string.Join(' ', Enumerable.Repeat("Export licences are required for graphite anode material.", summaryLength / 57 + 1))[..summaryLength],
            ["status: in force → suspended"]))]);
}
