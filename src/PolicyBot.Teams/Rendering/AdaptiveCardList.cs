using System.Text.Json.Nodes;
using PolicyBot.Core.Conversations;
using PolicyBot.Core.Domain;

namespace PolicyBot.Teams.Rendering;

/// <summary>
/// latest / timeline / upcoming as a card list: per item a bold "date · jurisdiction · title" line, then its dates and
/// status, the one-line summary with its [n], and the item's notes (suspensions, what is coming up).
/// </summary>
public static class AdaptiveCardList
{
    public const int MaxItems = 25;

    public static IEnumerable<JsonObject> Build(ChatReply reply)
    {
        yield return Block(reply.Text.Split('\n')[0], weight: "Bolder");
        foreach (var item in reply.Items.Take(MaxItems))
        {
            var date = PolicyDate.Format(item.Date ?? item.Announced) ?? "undated";
            yield return Block($"**{date}** · {item.Jurisdiction ?? "—"} · {Link(item.Title, item.Url)}", spacing: "Medium");
            var dates = string.Join(" · ", new[]
            {
                PolicyDate.Format(item.Announced) is { } a ? $"announced {a}" : null,
                PolicyDate.Format(item.Effective) is { } e ? $"effective {e}" : null,
                item.Status,
            }.OfType<string>());
            if (dates.Length > 0) yield return Block(dates, subtle: true);
            if (item.Summary is { } summary) yield return Block(item.Citation is { } n ? $"{summary} [{n}]" : summary);
            foreach (var note in item.Notes) yield return Block($"↳ {note}", subtle: true);
        }
        if (reply.Items.Count > MaxItems)
            yield return Block($"{reply.Items.Count - MaxItems} more items are not shown.", subtle: true);
    }

    private static JsonObject Block(string text, bool subtle = false, string? weight = null, string? spacing = "None")
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle) block["isSubtle"] = true;
        if (weight is not null) block["weight"] = weight;
        if (spacing is not null) block["spacing"] = spacing;
        return block;
    }

    private static string Link(string title, string? url) =>
        url is null ? title : $"[{title.Replace("]", ")", StringComparison.Ordinal).Replace("[", "(", StringComparison.Ordinal)}]({url})";
}
