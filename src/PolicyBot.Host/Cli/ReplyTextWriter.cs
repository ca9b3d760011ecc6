using PolicyBot.Core.Conversations;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Host.Cli;

/// <summary>A measure reply in the terminal: its text, the table as aligned columns, then the numbered sources with their quotes.</summary>
internal static class ReplyTextWriter
{
    public static async Task WriteAsync(TextWriter output, ChatReply reply, IndexStats stats)
    {
        await output.WriteLineAsync(reply.Text);
        if (reply.Table is { } table)
        {
            await output.WriteLineAsync();
            await output.WriteAsync(TextTable.Render(table.Columns, table.Rows.Select(r => r.Cells.Select(ReplyTableText.Cell).ToList()).ToList()));
        }
        if (reply.Notice is not null) await output.WriteLineAsync($"\n{reply.Notice}");
        if (reply.Citations.Count > 0)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("Sources:");
            foreach (var c in reply.Citations)
                await output.WriteLineAsync($"[{c.Number}] {c.Title} ({c.PassageId}){(c.Url is null ? "" : $" — {c.Url}")}\n    \"{c.Quote}\"");
        }
        if (stats.LastIngestedAt is { } at) await output.WriteLineAsync($"\nSources as of {at:yyyy-MM-dd HH:mm} UTC ({stats.DocumentCount} documents).");
    }
}
