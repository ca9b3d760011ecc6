namespace PolicyBot.Core.Conversations;

/// <summary>A table in a reply: column headings and rows of cells, the first cell of a row naming it.</summary>
public sealed record ReplyTable(IReadOnlyList<string> Columns, IReadOnlyList<ReplyTableRow> Rows);

/// <param name="Cells">One per column.</param>
public sealed record ReplyTableRow(IReadOnlyList<ReplyTableCell> Cells)
{
    public string Label => Cells.Count > 0 ? Cells[0].Text : "";
}

/// <param name="Citation">The number of the citation quoting the passage behind the cell; null when the cell says nothing was found.</param>
public sealed record ReplyTableCell(string Text, int? Citation = null);
