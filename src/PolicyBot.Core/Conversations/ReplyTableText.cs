namespace PolicyBot.Core.Conversations;

/// <summary>A reply table as plain lines, for clients without tables: the row's label, then "Column: text [n]" per cell.</summary>
public static class ReplyTableText
{
    public static string Format(ReplyTable table)
    {
        var text = new System.Text.StringBuilder();
        foreach (var row in table.Rows)
        {
            if (text.Length > 0) text.Append("\n\n");
            text.Append(Cell(row.Cells[0]));
            for (var c = 1; c < row.Cells.Count && c < table.Columns.Count; c++)
                text.Append($"\n  {table.Columns[c]}: {Cell(row.Cells[c])}");
        }
        return text.ToString();
    }

    public static string Cell(ReplyTableCell cell) => cell.Citation is { } n ? $"{cell.Text} [{n}]" : cell.Text;
}
