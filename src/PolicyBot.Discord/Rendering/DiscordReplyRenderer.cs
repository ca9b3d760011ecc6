using PolicyBot.Core.Answering;
using PolicyBot.Core.Conversations;
using PolicyBot.Core.Domain;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Rendering;

/// <summary>
/// Renders a <see cref="ChatReply"/> as Discord messages: the answer in embed descriptions, a <c>compare</c> table as one
/// field per row (<see cref="DiscordTableFields"/>), a numbered "Sources" field list, the freshness stamp in the footer. Text is split only between lines, so a citation is never cut in half, and every
/// message stays within Discord's limits (4096 per description, 1024 per field, 6000 per message, 10 embeds).
/// </summary>
public static class DiscordReplyRenderer
{
    private const int FooterReserve = 500;
    private const int AnswerColor = 0x2E7D32, RefusalColor = 0x9E9E9E, ListColor = 0x1565C0, ErrorColor = 0xC62828;

    public static IReadOnlyList<MessagePayload> Render(ChatReply reply)
    {
        var descriptions = Pack(SplitLines(reply.Text), DiscordLimits.EmbedDescription);
        var sourceLines = reply.Citations.Count > 0 ? reply.Citations.Select(SourceLine) : reply.Items.Select(ItemLine);
        var fieldValues = reply.Citations.Count > 0 || reply.Kind is ReplyKind.Measures or ReplyKind.Sources && reply.Items.Count > 0 && !ItemsInText(reply)
            ? Pack(sourceLines.ToList(), DiscordLimits.FieldValue)
            : [];
        var footer = string.Join(" · ", new[] { reply.Freshness, reply.Notice }.OfType<string>());
        var color = reply.Kind switch
        {
            ReplyKind.Answer => AnswerColor,
            ReplyKind.Refusal => RefusalColor,
            ReplyKind.Error => ErrorColor,
            _ => ListColor,
        };

        var embeds = descriptions.Select(d => new Embed { Description = d, Color = color }).ToList();
        var tableFields = reply.Table is { } table ? DiscordTableFields.From(table) : [];
        var fields = tableFields.Concat(fieldValues.Select((v, i) => new EmbedField(i == 0 ? "Sources" : "Sources (continued)", v)));
        foreach (var field in fields)
        {
            var last = embeds.Count > 0 ? embeds[^1] : null;
            if (last is null || (last.Fields?.Count ?? 0) == DiscordLimits.EmbedFields || Size(last) + Size(field) > DiscordLimits.EmbedTotal - FooterReserve)
                embeds.Add(last = new Embed { Color = color });
            embeds[^1] = last with { Fields = [.. last.Fields ?? [], field] };
        }
        if (embeds.Count == 0) embeds.Add(new Embed { Description = "(no text)", Color = color });
        if (footer.Length > 0)
            embeds[^1] = embeds[^1] with { Footer = new EmbedFooter(Truncate(footer, FooterReserve)) };
        var messages = ToMessages(embeds);
        if (reply.ReplyKey is { } key && reply.Kind is ReplyKind.Answer or ReplyKind.Refusal)
            messages[^1] = messages[^1] with { Components = [FeedbackButtons.Row(key)] };
        return messages;
    }

    // Lists already printed in the text (latest/sources) are not repeated as a field.
    private static bool ItemsInText(ChatReply reply) => reply.Items.All(i => reply.Text.Contains(i.Title, StringComparison.Ordinal));

    private static string SourceLine(Citation c)
    {
        var date = PolicyDate.Format(c.Effective ?? c.Announced);
        var title = Truncate(c.Title, 200);
        var link = c.Url is null ? title : $"[{title}]({c.Url})";
        return $"[{c.Number}] {link} — {c.Jurisdiction ?? "—"}{(date is null ? "" : $", {date}")}";
    }

    private static string ItemLine(MeasureSummary m)
    {
        var link = m.Url is null ? m.Title : $"[{Truncate(m.Title, 200)}]({m.Url})";
        return $"{PolicyDate.Format(m.Announced) ?? "undated"} · {m.Jurisdiction ?? "—"} · {link}";
    }

    private static List<string> SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => Truncate(l, DiscordLimits.EmbedDescription)).ToList();

    /// <summary>Packs whole lines into chunks of at most <paramref name="limit"/> characters.</summary>
    internal static List<string> Pack(IReadOnlyList<string> lines, int limit)
    {
        var chunks = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var raw in lines)
        {
            var line = Truncate(raw, limit);
            if (current.Length > 0 && current.Length + 1 + line.Length > limit)
            {
                chunks.Add(current.ToString().Trim('\n'));
                current.Clear();
            }
            if (current.Length > 0) current.Append('\n');
            current.Append(line);
        }
        if (current.ToString().Trim('\n').Length > 0) chunks.Add(current.ToString().Trim('\n'));
        return chunks;
    }

    private static List<MessagePayload> ToMessages(List<Embed> embeds)
    {
        var messages = new List<MessagePayload>();
        var current = new List<Embed>();
        var size = 0;
        foreach (var embed in embeds)
        {
            var s = Size(embed);
            if (current.Count > 0 && (current.Count == DiscordLimits.EmbedsPerMessage || size + s > DiscordLimits.EmbedTotal))
            {
                messages.Add(Message(current));
                (current, size) = ([], 0);
            }
            current.Add(embed);
            size += s;
        }
        if (current.Count > 0) messages.Add(Message(current));
        return messages;
    }

    private static MessagePayload Message(List<Embed> embeds) => new() { Embeds = embeds, AllowedMentions = AllowedMentions.None };

    internal static int Size(Embed e) =>
        (e.Title?.Length ?? 0) + (e.Description?.Length ?? 0) + (e.Footer?.Text.Length ?? 0) + (e.Fields?.Sum(Size) ?? 0);

    private static int Size(EmbedField f) => f.Name.Length + f.Value.Length;

    /// <summary>Cuts at a word boundary and marks the cut; keeps a trailing [n] marker.</summary>
    internal static string Truncate(string text, int limit)
    {
        if (text.Length <= limit) return text;
        var marker = System.Text.RegularExpressions.Regex.Match(text, @"(\s\[\d+\])+$").Value;
        var budget = limit - marker.Length - 1;
        var cut = text.LastIndexOf(' ', Math.Max(0, budget - 1), Math.Min(budget, 200));
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : budget), "…", marker);
    }

}
