using System.Text.RegularExpressions;
using PolicyBot.Core.Conversations;

namespace PolicyBot.Core.Tests.Measures;

[Collection(PolicyCorpusCollection.Name)]
public sealed partial class MeasureRepliesTests(PolicyCorpusFixture fixture)
{
    private readonly MeasureReplies _replies = fixture.Replies(new DateOnly(2027, 1, 1));

    private async Task<ChatReply> HandleAsync(string text) => (await _replies.HandleAsync(ChatCommandParser.Parse(text), default))!;

    /// <summary>Every [n] in the text, the items and the table is a citation of the reply, numbered 1..n, quoting its document.</summary>
    private static void AssertCitationsResolve(ChatReply reply)
    {
        Assert.Equal(Enumerable.Range(1, reply.Citations.Count), reply.Citations.Select(c => c.Number));
        var used = Marker().Matches(reply.Text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Concat(reply.Items.Select(i => i.Citation).OfType<int>())
            .Concat(reply.Table?.Rows.SelectMany(r => r.Cells).Select(c => c.Citation).OfType<int>() ?? []).ToHashSet();
        Assert.All(used, n => Assert.InRange(n, 1, reply.Citations.Count));
        Assert.Equal(reply.Citations.Count, used.Count);   // and no citation goes unused
        Assert.All(reply.Citations, c => Assert.True(CorpusFacts.Quotes(c.DocumentId, c.Quote), c.Quote));
    }

    [Fact]
    public async Task Latest_ItemsCarryDatesStatusSummaryAndCitation()
    {
        var reply = await HandleAsync("latest China graphite");

        Assert.Equal(ReplyKind.Measures, reply.Kind);
        Assert.StartsWith("Latest measures (China, graphite), newest first:", reply.Text);
        Assert.Equal("cn-announcement-46-suspension-2025", reply.Items[0].DocumentId);
        Assert.Contains("cn-graphite-export-controls-2023", reply.Items.Select(i => i.DocumentId));
        Assert.All(reply.Items, i =>
        {
            Assert.NotNull(i.Summary);
            Assert.Equal(CorpusFacts.Get(i.DocumentId).Announced, i.Announced);
            Assert.Equal(CorpusFacts.Get(i.DocumentId).Status, i.Status);
            Assert.Equal(i.Summary, reply.Citations[i.Citation!.Value - 1].Quote);
        });
        Assert.Contains("- 20 October 2023 · China · China Graphite Export Controls (Announcement No. 39 of 2023) — effective 1 December 2023", reply.Text);
        AssertCitationsResolve(reply);
    }

    [Fact]
    public async Task Latest_OptionsAndNothingFound()
    {
        var reply = await HandleAsync("latest --jurisdiction US --material lithium --limit 2");
        Assert.Equal(2, reply.Items.Count);
        Assert.All(reply.Items, i => Assert.Contains("United States", i.Jurisdiction));

        var none = await HandleAsync("latest --jurisdiction Chile --since 2026-01-01");
        Assert.Equal("No indexed measures match Chile, since 1 January 2026.", none.Text);
        Assert.Empty(none.Citations);
    }

    [Fact]
    public async Task Timeline_Graphite_ListsLinksAndCitesEachMeasure()
    {
        var reply = await HandleAsync("timeline graphite");

        var no58 = reply.Items.Single(i => i.DocumentId == "cn-announcement-58-2025-lithium-battery-graphite-anode");
        Assert.Equal("2025-10-09", no58.Date);
        Assert.Contains(no58.Notes, n => n.StartsWith("suspended by MOFCOM/GAC Announcement No. 70 of 2025", StringComparison.Ordinal));
        Assert.Contains("↳ suspended by MOFCOM/GAC Announcement No. 70 of 2025", reply.Text);
        var dates = reply.Items.Select(i => i.Date!.Length == 7 ? i.Date + "-01" : i.Date).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        AssertCitationsResolve(reply);
    }

    [Fact]
    public async Task Compare_EveryCellCitedOrNotFound()
    {
        var reply = await HandleAsync("compare China \"United States\" --material graphite");

        var table = reply.Table!;
        Assert.Equal([MeasureReplies.MeasureColumn, "Scope", "Thresholds", "Licensing or obligations", "Effective date", "Status"], table.Columns);
        Assert.All(table.Rows, row =>
        {
            Assert.Equal(table.Columns.Count, row.Cells.Count);
            Assert.All(row.Cells, c => Assert.True(c.Citation is not null || c.Text == "not found in the documents", c.Text));
        });
        Assert.StartsWith("China: China Graphite Export Controls", table.Rows[0].Label);
        Assert.Contains(table.Rows, r => r.Label.StartsWith("United States: ", StringComparison.Ordinal));
        Assert.StartsWith("Comparison of China and United States (graphite)", reply.Text);
        AssertCitationsResolve(reply);
    }

    [Fact]
    public async Task Compare_UnquotedMultiWordJurisdictionAndUnknownName()
    {
        var reply = await HandleAsync("compare European Union vs Atlantis");

        Assert.StartsWith("European Union: ", reply.Table!.Rows[0].Label);
        Assert.Equal("Atlantis", reply.Table.Rows[^1].Label);
        Assert.All(reply.Table.Rows[^1].Cells, c => Assert.Null(c.Citation));
        Assert.Equal("Nothing in the documents matches \"Atlantis\".", reply.Notice);
    }

    [Fact]
    public async Task Upcoming_ListsDatedItemsWithTheirQuote()
    {
        var reply = await HandleAsync("upcoming --days 60");

        var item = Assert.Single(reply.Items);
        Assert.Equal(("eu-batteries-regulation-2023", "2027-02-18"), (item.DocumentId, item.Date));
        Assert.Equal(["deadline"], item.Notes);
        Assert.StartsWith("Coming up in the next 60 days (1 January 2027 – 2 March 2027):", reply.Text);
        Assert.Contains("- 18 February 2027 · European Union · EU Batteries Regulation", reply.Text);
        AssertCitationsResolve(reply);

        var quiet = await HandleAsync("upcoming --days 10");
        Assert.StartsWith("Nothing in the indexed documents takes effect or falls due in the next 10 days", quiet.Text);
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Marker();
}
