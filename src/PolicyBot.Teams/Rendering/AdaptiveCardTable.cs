using System.Text.Json.Nodes;
using PolicyBot.Core.Conversations;

namespace PolicyBot.Teams.Rendering;

/// <summary>
/// A reply table as an Adaptive Card 1.5 <c>Table</c> (header row, then one <c>TableRow</c> per row, each cell a wrapped
/// <c>TextBlock</c> ending in its [n]). Rows beyond <paramref name="maxRows"/> and cell text beyond <paramref name="maxCellLength"/>
/// are cut (the [n] kept); <see cref="AdaptiveCardBuilder"/> lowers both until the card fits Teams' message size.
/// </summary>
public static class AdaptiveCardTable
{
    public const int MaxRows = 16, MaxCellLength = 280;

    public static IEnumerable<JsonObject> Build(ReplyTable table, int maxRows = MaxRows, int maxCellLength = MaxCellLength)
    {
        var rows = new JsonArray { Row(table.Columns.Select(c => (c, (int?)null)), header: true, maxCellLength) };
        foreach (var row in table.Rows.Take(maxRows))
            rows.Add(Row(table.Columns.Select((_, i) => i < row.Cells.Count ? (row.Cells[i].Text, row.Cells[i].Citation) : ("", null)), header: false, maxCellLength));
        yield return new JsonObject
        {
            ["type"] = "Table",
            ["gridStyle"] = "accent",
            ["firstRowAsHeader"] = true,
            ["showGridLines"] = true,
            ["columns"] = new JsonArray(table.Columns.Select((_, i) => (JsonNode)new JsonObject { ["width"] = i == 0 ? 2 : 3 }).ToArray()),
            ["rows"] = rows,
        };
        if (table.Rows.Count > maxRows)
            yield return new JsonObject
            {
                ["type"] = "TextBlock", ["wrap"] = true, ["isSubtle"] = true, ["size"] = "Small",
                ["text"] = $"{table.Rows.Count - maxRows} more rows are not shown; compare fewer jurisdictions or add --material.",
            };
    }

    private static JsonObject Row(IEnumerable<(string Text, int? Citation)> cells, bool header, int maxCellLength) => new()
    {
        ["type"] = "TableRow",
        ["cells"] = new JsonArray(cells.Select(c => (JsonNode)new JsonObject
        {
            ["type"] = "TableCell",
            ["items"] = new JsonArray(Text(c.Text, c.Citation, header, maxCellLength)),
        }).ToArray()),
    };

    private static JsonObject Text(string text, int? citation, bool header, int maxCellLength)
    {
        var marker = citation is { } n ? $" [{n}]" : "";
        var body = text.Length + marker.Length <= maxCellLength ? text : text[..Math.Max(1, maxCellLength - marker.Length - 1)].TrimEnd() + "…";
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = body + marker, ["wrap"] = true, ["size"] = "Small" };
        if (header) block["weight"] = "Bolder";
        return block;
    }
}
