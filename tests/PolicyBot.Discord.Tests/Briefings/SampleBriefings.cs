using PolicyBot.Core.Answering;
using PolicyBot.Core.Briefings;

namespace PolicyBot.Discord.Tests.Briefings;

/// <summary>Briefings as the composer makes them: item n's summary ends with [n] and its citation has Number n.</summary>
internal static class SampleBriefings
{
    public static readonly DateTimeOffset Since = new(2025, 10, 25, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Until = new(2025, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public static BriefingSubscription Subscription(string channelId = "123456789", bool skipEmpty = false, string platform = "discord") =>
        new("b1", platform, channelId, new BriefingSchedule(ScheduleKind.Daily, new TimeOnly(8, 0), null, null, "UTC"),
            ["China"], [], skipEmpty, "u1", Since.AddDays(-30), Since);

    public static BriefingItem Item(int n, BriefingItemKind kind, string id, string? summary = null, IReadOnlyList<string>? changes = null,
        DateOnly? date = null, string? title = null) =>
        new(kind, id, title ?? $"Title {id}", "China", $"{summary ?? $"Summary of {id}."} [{n}]", changes ?? [],
            new Citation(n, id, id + "#000", title ?? $"Title {id}", "China", "2025-10-09", "2025-11-08", $"https://example.org/{id}", "quote"),
            date ?? new DateOnly(2025, 10, 9));

    public static Briefing OneOfEach() => new(Since, Until,
    [
        Item(1, BriefingItemKind.New, "cn-58", "Announcement No. 58 controls exports of lithium-ion batteries."),
        Item(2, BriefingItemKind.Changed, "cn-graphite", "China requires licences for spherical graphite.",
            ["status: in force → suspended until 20 November 2025", "materials: graphite → graphite, spherical graphite"], new DateOnly(2023, 10, 20)),
        Item(3, BriefingItemKind.Removed, "au-old", "No longer among the indexed documents."),
        Item(4, BriefingItemKind.Upcoming, "eu-crma", "The CRMA sets benchmarks.", ["takes effect on 25 November 2025"], new DateOnly(2025, 11, 25)),
    ]);

    /// <summary>Items in section order (as the composer makes them) with long summaries, titles and change lines.</summary>
    public static Briefing Large(int count, int summaryLength, int titleLength = 250, int changeLength = 200) => new(Since, Until,
        [.. Enumerable.Range(1, count).Select(n => Item(n, (BriefingItemKind)((n - 1) * 4 / count), $"doc-{n:D3}",
            string.Join(' ', Enumerable.Repeat("Export licences are required for graphite anode material.", summaryLength / 57 + 1))[..summaryLength],
            ["status: " + new string('x', changeLength) + " → " + new string('y', changeLength)], title: $"Measure {n} " + new string('t', titleLength)))]);
}
