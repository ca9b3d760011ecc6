namespace PolicyBot.Core.Conversations;

/// <summary>A reply table as plain lines, for clients without tables: the row's label, then "Column: text [n]" per cell.</summary>
public static class ReplyTableText
{
    /// <param name="maxCellLength">Longer cell text is cut at a word and marked "…"; its [n] is kept.</param>
    public static string Format(ReplyTable table, int maxCellLength = int.MaxValue)
    {
        var text = new System.Text.StringBuilder();
        foreach (var row in table.Rows)
        {
            if (text.Length > 0) text.Append("\n\n");
            text.Append(Cell(row.Cells[0], maxCellLength));
            for (var c = 1; c < row.Cells.Count && c < table.Columns.Count; c++)
                text.Append($"\n  {table.Columns[c]}: {Cell(row.Cells[c], maxCellLength)}");
        }
        return text.ToString();
    }

    public static string Cell(ReplyTableCell cell, int maxLength = int.MaxValue)
    {
        var text = cell.Text;
        if (text.Length > maxLength)
        {
            var cut = text.LastIndexOf(' ', Math.Max(0, maxLength - 1));
            text = string.Concat(text.AsSpan(0, cut > maxLength / 2 ? cut : Math.Max(1, maxLength - 1)), "…");
        }
        return cell.Citation is { } n ? $"{text} [{n}]" : text;
    }
}
