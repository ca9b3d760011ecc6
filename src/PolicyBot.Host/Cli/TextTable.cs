using System.Text;

namespace PolicyBot.Host.Cli;

/// <summary>Renders rows as aligned text columns, wrapping long cells at word boundaries within each column's width.</summary>
internal static class TextTable
{
    public const int DefaultMaxColumnWidth = 32, Gap = 2;

    public static string Render(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, int maxColumnWidth = DefaultMaxColumnWidth)
    {
        var widths = columns.Select((c, i) => Math.Min(maxColumnWidth,
            Math.Max(c.Length, rows.Select(r => i < r.Count ? Longest(r[i], maxColumnWidth) : 0).DefaultIfEmpty(0).Max()))).ToArray();
        var text = new StringBuilder();
        AppendRow(text, columns, widths, blankAfter: false);
        text.AppendLine(string.Join(new string(' ', Gap), widths.Select(w => new string('-', w))).TrimEnd());
        foreach (var row in rows) AppendRow(text, row, widths, blankAfter: true);
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells, int[] widths, bool blankAfter)
    {
        var wrapped = widths.Select((w, i) => Wrap(i < cells.Count ? cells[i] : "", w)).ToList();
        var height = wrapped.Max(lines => lines.Count);
        for (var line = 0; line < height; line++)
        {
            var parts = wrapped.Select((lines, i) => (line < lines.Count ? lines[line] : "").PadRight(widths[i]));
            text.AppendLine(string.Join(new string(' ', Gap), parts).TrimEnd());
        }
        if (blankAfter) text.AppendLine();
    }

    // The longest line the cell will need: its length, or the width when it wraps (a single long word breaks).
    private static int Longest(string cell, int max) => Wrap(cell, max).Select(l => l.Length).DefaultIfEmpty(0).Max();

    internal static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            if (current.Length > 0 && current.Length + 1 + rest.Length > width)
            {
                lines.Add(current.ToString());
                current.Clear();
            }
            while (rest.Length > width)
            {
                lines.Add(rest[..width]);
                rest = rest[width..];
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(rest);
        }
        if (current.Length > 0) lines.Add(current.ToString());
        return lines.Count == 0 ? [""] : lines;
    }
}
