using System.Text;
using System.Text.Json;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Conversations;
using PolicyBot.Teams.Rendering;

namespace PolicyBot.Teams.Tests.Rendering;

public sealed class TeamsTableRenderingTests
{
    private static readonly string[] Columns = [MeasureReplies.MeasureColumn, "Scope", "Thresholds", "Licensing or obligations", "Effective date", "Status"];

    private static ChatReply Compare(int rows, int cellLength)
    {
        var citations = new List<Citation>();
        ReplyTableCell Cited(string text)
        {
            var n = citations.Count + 1;
            citations.Add(new Citation(n, $"doc-{n}", $"doc-{n}#000", "Measure title " + new string('M', 90), "United States",
                "2024-05-14", "2024-09-27", "https://example.org/" + new string('u', 90) + n, text));
            return new ReplyTableCell(text, n);
        }
        var table = new ReplyTable(Columns, Enumerable.Range(1, rows).Select(r => new ReplyTableRow(
        [
            Cited($"United States: Measure {r}"),
            Cited(string.Join(' ', Enumerable.Repeat("graphite", cellLength / 9 + 1))),
            Cited("0%; 25%"),
            r % 2 == 0 ? new ReplyTableCell("not found in the documents") : Cited(string.Join(' ', Enumerable.Repeat("tariff", cellLength / 7 + 1))),
            Cited("27 September 2024"),
            Cited(string.Join(' ', Enumerable.Repeat("in force", cellLength / 9 + 1))),
        ])).ToList());
        return new ChatReply(ReplyKind.Measures, "Comparison of China and United States (graphite): 8 measures.")
        {
            Table = table, Citations = citations, Freshness = "Sources as of 30 November 2026",
        };
    }

    private static JsonElement Card(ChatReply reply) => JsonDocument.Parse(AdaptiveCardBuilder.Build(reply, "r").ToJsonString()).RootElement;

    private static JsonElement TableOf(JsonElement card) => card.GetProperty("body").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "Table");

    private static List<string> CellTexts(JsonElement row) =>
        row.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("items")[0].GetProperty("text").GetString()!).ToList();

    [Fact]
    public void Card_Compare_HasASchema15TableWithAHeaderRowAndCitedCells()
    {
        var card = Card(Compare(rows: 2, cellLength: 30));

        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var table = TableOf(card);
        Assert.True(table.GetProperty("firstRowAsHeader").GetBoolean());
        Assert.Equal(6, table.GetProperty("columns").GetArrayLength());
        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("TableRow", r.GetProperty("type").GetString()));
        Assert.Equal(Columns, CellTexts(rows[0]));
        Assert.Equal("Bolder", rows[0].GetProperty("cells")[0].GetProperty("items")[0].GetProperty("weight").GetString());
        Assert.Equal("United States: Measure 1 [1]", CellTexts(rows[1])[0]);
        Assert.Equal("not found in the documents", CellTexts(rows[2])[3]);
        Assert.Equal("27 September 2024 [10]", CellTexts(rows[2])[4]);
        Assert.False(card.TryGetProperty("actions", out _));
        var texts = card.GetProperty("body").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "TextBlock").Select(b => b.GetProperty("text").GetString()).ToList();
        Assert.Contains("Sources", texts);
    }

    [Fact]
    public void Render_LargeCompare_FitsTeamsMessageSizeAndKeepsTheMarkers()
    {
        var reply = Compare(rows: 24, cellLength: 900);

        var activity = TeamsReplyRenderer.Render(reply, "r");

        var cardJson = activity.Attachments![0].Content!.Value.GetRawText();
        Assert.True(Encoding.UTF8.GetByteCount(cardJson) <= AdaptiveCardBuilder.MaxCardBytes);
        Assert.True(activity.Text!.Length <= TeamsReplyRenderer.MaxTableTextLength);
        Assert.True(Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(activity)) < 28_000);
        var card = JsonDocument.Parse(cardJson).RootElement;
        var cells = TableOf(card).GetProperty("rows").EnumerateArray().Skip(1).SelectMany(CellTexts).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.True(c.Length <= AdaptiveCardTable.MaxCellLength));
        Assert.All(cells, c => Assert.Matches(@"(\[\d+\]|not found in the documents)$", c));
        Assert.Contains(card.GetProperty("body").EnumerateArray(), b => b.TryGetProperty("text", out var t) && t.GetString()!.Contains("more rows are not shown", StringComparison.Ordinal));
    }

    [Fact]
    public void PlainText_Compare_ListsEachRowWithItsCells()
    {
        var text = TeamsReplyRenderer.PlainText(Compare(rows: 1, cellLength: 20));
        Assert.Contains("United States: Measure 1 [1]\n  Scope: graphite", text);
        Assert.Contains("\n  Effective date: 27 September 2024 [5]", text);
    }

    [Fact]
    public void Card_Latest_IsAListOfDatedItemsWithSummaryCitationAndNotes()
    {
        var reply = new ChatReply(ReplyKind.Measures, "Timeline for graphite (1 measures), oldest first:\n- 9 October 2025 · China · No. 58 [1]")
        {
            Items =
            [
                new MeasureSummary("cn-58", "No. 58", "China", "2025-10-09", "2025-11-08", "suspended until 10 November 2026", "https://example.org/58")
                {
                    Summary = "Announcement No. 58 was issued on 9 October 2025.", Citation = 1, Date = "2025-10-09",
                    Notes = ["suspended by Announcement No. 70 of 2025 (7 November 2025)"],
                },
            ],
            Citations = [new Citation(1, "cn-58", "cn-58#000", "No. 58", "China", "2025-10-09", "2025-11-08", "https://example.org/58", "Announcement No. 58 was issued on 9 October 2025.")],
        };

        var texts = Card(reply).GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()).ToList();

        Assert.Equal("Timeline for graphite (1 measures), oldest first:", texts[0]);
        Assert.Equal("**9 October 2025** · China · [No. 58](https://example.org/58)", texts[1]);
        Assert.Equal("announced 9 October 2025 · effective 8 November 2025 · suspended until 10 November 2026", texts[2]);
        Assert.Equal("Announcement No. 58 was issued on 9 October 2025. [1]", texts[3]);
        Assert.Equal("↳ suspended by Announcement No. 70 of 2025 (7 November 2025)", texts[4]);
        Assert.Contains("[1] [No. 58](https://example.org/58) — China, 8 November 2025", texts);
    }
}
