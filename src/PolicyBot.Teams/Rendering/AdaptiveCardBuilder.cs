using System.Text.Json.Nodes;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Conversations;
using PolicyBot.Core.Domain;

namespace PolicyBot.Teams.Rendering;

/// <summary>
/// Writes the Adaptive Card (schema 1.5) for a reply: the text with [n] markers, a numbered sources list with title,
/// jurisdiction, date and link, the freshness stamp, and helpful / not helpful buttons (Action.Execute, verb "feedback").
/// </summary>
public static class AdaptiveCardBuilder
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string FeedbackVerb = "feedback";

    public static JsonObject Build(ChatReply reply, string replyKey)
    {
        var body = new JsonArray { TextBlock(reply.Text) };
        var sources = reply.Citations.Count > 0
            ? reply.Citations.Select(c => $"[{c.Number}] {Link(c.Title, c.Url)} — {c.Jurisdiction ?? "—"}{DateSuffix(c.Effective ?? c.Announced)}")
            : reply.Items.Where(i => !reply.Text.Contains(i.Title, StringComparison.Ordinal))
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
            card["actions"] = new JsonArray { Feedback("Helpful", "helpful", replyKey), Feedback("Not helpful", "not_helpful", replyKey) };
        return card;
    }

    private static JsonObject Feedback(string title, string rating, string replyKey) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = FeedbackVerb,
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
