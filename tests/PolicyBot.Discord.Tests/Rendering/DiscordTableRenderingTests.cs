using PolicyBot.Core.Answering;
using PolicyBot.Core.Conversations;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Rendering;

namespace PolicyBot.Discord.Tests.Rendering;

public sealed class DiscordTableRenderingTests
{
    private static readonly string[] Columns = [MeasureReplies.MeasureColumn, "Scope", "Thresholds", "Licensing or obligations", "Effective date", "Status"];

    private static ChatReply Compare(int rows, int cellLength)
    {
        var citations = new List<Citation>();
        ReplyTableCell Cited(string text)
        {
            var n = citations.Count + 1;
            citations.Add(new Citation(n, $"doc-{n}", $"doc-{n}#000", $"Measure {n}", "China", "2023-10-20", "2023-12-01", $"https://example.org/{n}", text));
            return new ReplyTableCell(text, n);
        }
        var table = new ReplyTable(Columns, Enumerable.Range(1, rows).Select(r => new ReplyTableRow(
        [
            Cited($"China: Measure {r} " + new string('T', Math.Min(cellLength, 300))),
            Cited(string.Join(' ', Enumerable.Repeat("graphite", cellLength / 9 + 1))),
            Cited("above 99.9%; above 30 MPa"),
            r % 2 == 0 ? new ReplyTableCell("not found in the documents") : Cited(string.Join(' ', Enumerable.Repeat("licence", cellLength / 8 + 1))),
            Cited("1 December 2023"),
            Cited(string.Join(' ', Enumerable.Repeat("suspended", cellLength / 10 + 1))),
        ])).ToList());
        return new ChatReply(ReplyKind.Measures, "Comparison of China and United States (graphite): 2 measures.")
        {
            Table = table, Citations = citations, Freshness = "Sources as of 30 November 2026",
        };
    }

    [Fact]
    public void Render_Compare_OneFieldPerRowWithALinePerCellAndItsCitation()
    {
        var reply = Compare(rows: 2, cellLength: 40);

        var embeds = DiscordReplyRenderer.Render(reply).SelectMany(m => m.Embeds!).ToList();

        Assert.Equal(reply.Text, embeds[0].Description);
        var rows = embeds.SelectMany(e => e.Fields ?? []).Where(f => f.Name.StartsWith("China: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.EndsWith("[1]", rows[0].Name);
        var lines = rows[1].Value.Split('\n');
        Assert.Equal(["**Scope:** ", "**Thresholds:** ", "**Licensing or obligations:** ", "**Effective date:** ", "**Status:** "],
            lines.Select(l => l[..(l.IndexOf(":**", StringComparison.Ordinal) + 4)]));
        Assert.Equal("**Licensing or obligations:** not found in the documents", lines[2]);
        Assert.Equal("**Effective date:** 1 December 2023 [10]", lines[3]);
        Assert.Contains(embeds.SelectMany(e => e.Fields ?? []), f => f.Name == "Sources");
    }

    [Fact]
    public void Render_LargeCompare_StaysWithinEveryDiscordLimitAndKeepsTheMarkers()
    {
        var reply = Compare(rows: 30, cellLength: 900);

        var messages = DiscordReplyRenderer.Render(reply);

        var rowFields = new List<EmbedField>();
        foreach (var message in messages)
        {
            Assert.InRange(message.Embeds!.Count, 1, DiscordLimits.EmbedsPerMessage);
            Assert.True(message.Embeds.Sum(DiscordReplyRenderer.Size) <= DiscordLimits.EmbedTotal);
            foreach (var embed in message.Embeds)
            {
                Assert.True((embed.Fields?.Count ?? 0) <= DiscordLimits.EmbedFields);
                Assert.All(embed.Fields ?? [], f =>
                {
                    Assert.InRange(f.Name.Length, 1, DiscordLimits.FieldName);
                    Assert.InRange(f.Value.Length, 1, DiscordLimits.FieldValue);
                });
                rowFields.AddRange((embed.Fields ?? []).Where(f => f.Name.StartsWith("China: ", StringComparison.Ordinal)));
            }
        }
        Assert.Equal(30, rowFields.Count);
        Assert.All(rowFields, f => Assert.Matches(@"\[\d+\]$", f.Name));
        Assert.All(rowFields.SelectMany(f => f.Value.Split('\n')), line =>
            Assert.True(line.EndsWith(']') || line.EndsWith("not found in the documents", StringComparison.Ordinal), line));
        Assert.Equal("Sources as of 30 November 2026", messages[^1].Embeds![^1].Footer!.Text);
    }

    [Fact]
    public void Render_Latest_ListsTheItemsInTheTextAndTheirSources()
    {
        var reply = new ChatReply(ReplyKind.Measures, "Latest measures (China), newest first:\n- 9 October 2025 · China · No. 58\n  It was China's plan. [1]")
        {
            Items = [new MeasureSummary("cn-58", "No. 58", "China", "2025-10-09", "2025-11-08", "suspended", null) { Summary = "It was China's plan.", Citation = 1 }],
            Citations = [new Citation(1, "cn-58", "cn-58#000", "No. 58", "China", "2025-10-09", "2025-11-08", null, "It was China's plan.")],
        };

        var embed = Assert.Single(Assert.Single(DiscordReplyRenderer.Render(reply)).Embeds!);

        Assert.Equal(reply.Text, embed.Description);
        Assert.Equal("[1] No. 58 — China, 8 November 2025", Assert.Single(embed.Fields!).Value);
    }
}
