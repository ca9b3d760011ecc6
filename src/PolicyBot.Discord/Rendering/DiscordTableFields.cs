using PolicyBot.Core.Conversations;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Rendering;

/// <summary>
/// A reply table as embed fields: one field per row, named by the row's first cell, with one "**Column:** text [n]" line per
/// other cell. Long cells are shortened (keeping their [n]) so a field stays within Discord's 256/1024 limits.
/// </summary>
internal static class DiscordTableFields
{
    public static IEnumerable<EmbedField> From(ReplyTable table) =>
        table.Rows.Select(row => new EmbedField(
            DiscordReplyRenderer.Truncate(ReplyTableText.Cell(row.Cells[0]), DiscordLimits.FieldName),
            Fit(row.Cells.Skip(1).Select((cell, i) => $"**{Column(table, i + 1)}:** {ReplyTableText.Cell(cell)}").ToList(), DiscordLimits.FieldValue)));

    private static string Column(ReplyTable table, int index) => index < table.Columns.Count ? table.Columns[index] : $"Column {index + 1}";

    /// <summary>Joins lines within <paramref name="limit"/>: short lines keep their length, long ones share what is left.</summary>
    internal static string Fit(IReadOnlyList<string> lines, int limit)
    {
        if (lines.Count == 0) return "—";
        var remaining = limit - (lines.Count - 1);
        if (lines.Sum(l => l.Length) <= remaining) return string.Join('\n', lines);
        var allowed = new int[lines.Count];
        var left = lines.Count;
        foreach (var i in Enumerable.Range(0, lines.Count).OrderBy(i => lines[i].Length))
        {
            allowed[i] = Math.Min(lines[i].Length, remaining / left--);
            remaining -= allowed[i];
        }
        return string.Join('\n', lines.Select((l, i) => DiscordReplyRenderer.Truncate(l, allowed[i])));
    }
}
