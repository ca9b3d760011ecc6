using System.Text.Json.Nodes;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Conversations;
using PolicyBot.Core.Domain;

namespace PolicyBot.Teams.Rendering;

/// <summary>
/// Writes the Adaptive Card (schema 1.5) for a reply: the text with [n] markers (or, for latest / timeline / upcoming, a
/// list of dated items: <see cref="AdaptiveCardList"/>), a <c>compare</c> table as a <c>Table</c> element
/// (<see cref="AdaptiveCardTable"/>), a numbered sources list with title, jurisdiction, date and link, the freshness stamp,
/// and helpful / not helpful buttons (Action.Execute, verb "feedback").
/// </summary>
public static class AdaptiveCardBuilder
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string FeedbackVerb = "feedback", FeedbackReasonInput = "reason";
    public const int MaxReasonLength = 500;

    /// <summary>Teams rejects messages over about 28 KB; a card with a table is shrunk to this many UTF-8 bytes (the fallback text takes the rest).</summary>
    public const int MaxCardBytes = 18_000;

    public static JsonObject Build(ChatReply reply, string replyKey)
    {
        var (rows, cellLength) = (AdaptiveCardTable.MaxRows, AdaptiveCardTable.MaxCellLength);
        var card = Build(reply, replyKey, rows, cellLength);
        while (reply.Table is not null && System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString()) > MaxCardBytes && rows > 1)
        {
            if (cellLength > 80) cellLength = cellLength * 3 / 4;
            else rows--;
            card = Build(reply, replyKey, rows, cellLength);
        }
        return card;
    }

    private static JsonObject Build(ChatReply reply, string replyKey, int tableRows, int cellLength)
    {
        var body = new JsonArray();
        var listed = reply.Items.Any(i => i.Citation is not null);
        if (listed) foreach (var block in AdaptiveCardList.Build(reply)) body.Add(block);
        else body.Add(TextBlock(reply.Text));
        if (reply.Table is { } table) foreach (var element in AdaptiveCardTable.Build(table, tableRows, cellLength)) body.Add(element);
        var sources = reply.Table is { } shown ? TableSources(reply, shown, tableRows)
            : reply.Citations.Count > 0
            ? reply.Citations.Select(c => $"[{c.Number}] {Link(c.Title, c.Url)} — {c.Jurisdiction ?? "—"}{DateSuffix(c.Effective ?? c.Announced)}")
            : reply.Items.Where(i => !listed && !reply.Text.Contains(i.Title, StringComparison.Ordinal))
                .Select(i => $"{PolicyDate.Format(i.Announced) ?? "undated"} · {i.Jurisdiction ?? "—"} · {Link(i.Title, i.Url)}");
        var lines = sources.ToList();
        if (lines.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "Sources", ["weight"] = "Bolder", ["spacing"] = "Medium", ["wrap"] = true });
            foreach (var line in lines) body.Add(TextBlock(line, subtle: true, spacing: "None"));
        }
        if (reply.Notice is { } notice) body.Add(TextBlock(notice, subtle: true, size: "Small"));
        if (reply.Freshness is { } freshness) body.Add(TextBlock(freshness, subtle: true, size: "Small"));

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (reply.Kind is ReplyKind.Answer or ReplyKind.Refusal)
        {
            // The optional reason goes with "Not helpful" only: Action.Execute merges the card's inputs into its data.
            body.Add(new JsonObject
            {
                ["type"] = "Input.Text", ["id"] = FeedbackReasonInput, ["isMultiline"] = false, ["maxLength"] = MaxReasonLength,
                ["placeholder"] = "Not helpful? Say what was missing or wrong (optional)",
            });
            card["actions"] = new JsonArray { Feedback("Helpful", "helpful", replyKey, "none"), Feedback("Not helpful", "not_helpful", replyKey, "auto") };
        }
        return card;
    }

    // A table cites many sentences of few documents: one line per document, with the numbers of the cells shown that cite it.
    private static IEnumerable<string> TableSources(ChatReply reply, ReplyTable table, int rows)
    {
        var used = table.Rows.Take(rows).SelectMany(r => r.Cells).Select(c => c.Citation).OfType<int>().ToHashSet();
        return reply.Citations.Where(c => used.Contains(c.Number)).GroupBy(c => c.DocumentId).Select(g =>
        {
            var c = g.First();
            return $"{string.Concat(g.Select(x => $"[{x.Number}]"))} {Link(c.Title, c.Url)} — {c.Jurisdiction ?? "—"}{DateSuffix(c.Effective ?? c.Announced)}";
        });
    }

    private static JsonObject Feedback(string title, string rating, string replyKey, string associatedInputs) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = FeedbackVerb,
        ["associatedInputs"] = associatedInputs,
        ["data"] = new JsonObject { ["rating"] = rating, ["replyKey"] = replyKey },
    };

    private static JsonObject TextBlock(string text, bool subtle = false, string? size = null, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle) block["isSubtle"] = true;
        if (size is not null) block["size"] = size;
        if (spacing is not null) block["spacing"] = spacing;
        return block;
    }

    private static string Link(string title, string? url) => url is null ? title : $"[{title.Replace("]", ")", StringComparison.Ordinal).Replace("[", "(", StringComparison.Ordinal)}]({url})";

    private static string DateSuffix(string? date) => PolicyDate.Format(date) is { } d ? $", {d}" : "";
}
