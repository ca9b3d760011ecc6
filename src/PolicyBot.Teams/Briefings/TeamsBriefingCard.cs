using System.Text.Json.Nodes;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Composition;

namespace PolicyBot.Teams.Briefings;

/// <summary>
/// The Adaptive Card (schema 1.5) of a briefing: "Policy briefing", the period and filters ("No changes since …" when nothing
/// changed), sections New / Changed (with before → after lines) / Removed / Upcoming whose items carry their [n], the numbered
/// sources with links, and the delivery id in small print so a duplicate after a crash is recognisable.
/// </summary>
public static class TeamsBriefingCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <param name="items">The items to show (all of the briefing's, or the first ones when it had to be shortened).</param>
    /// <param name="summaryCap">Longest summary shown, in characters.</param>
    public static JsonObject Build(Briefing briefing, BriefingSubscription subscription, string? deliveryId, IReadOnlyList<BriefingItem> items, int summaryCap, int omitted)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(subscription);
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = BriefingFormat.Title, ["size"] = "Large", ["weight"] = "Bolder", ["wrap"] = true },
            TextBlock(BriefingFormat.Period(briefing, subscription), subtle: true, spacing: "None"),
        };
        if (!briefing.HasChanges) body.Add(TextBlock(BriefingFormat.NoChanges(briefing, subscription)));
        if (omitted > 0) body.Add(TextBlock($"{omitted} more item{(omitted == 1 ? "" : "s")} did not fit in this message.", subtle: true));

        foreach (var kind in BriefingFormat.SectionOrder)
        {
            var section = items.Where(i => i.Kind == kind).ToList();
            if (section.Count == 0) continue;
            body.Add(new JsonObject
            {
                ["type"] = "TextBlock", ["text"] = BriefingFormat.SectionTitle(kind), ["size"] = "Medium", ["weight"] = "Bolder",
                ["separator"] = true, ["spacing"] = "Medium", ["wrap"] = true,
            });
            foreach (var item in section)
            {
                body.Add(TextBlock($"**[{BriefingFormat.Number(item)}] {item.Title}**", spacing: "Small"));
                if (BriefingFormat.Meta(item) is { Length: > 0 } meta) body.Add(TextBlock(meta, subtle: true, spacing: "None"));
                foreach (var change in item.Changes) body.Add(TextBlock($"- {change}", spacing: "None"));
                body.Add(TextBlock(BriefingFormat.Truncate(item.Summary, summaryCap), spacing: "None"));
            }
        }

        var citations = items.Select(i => i.Citation).OfType<Core.Answering.Citation>().ToList();
        if (citations.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "Sources", ["weight"] = "Bolder", ["spacing"] = "Medium", ["separator"] = true, ["wrap"] = true });
            foreach (var c in citations) body.Add(TextBlock(BriefingFormat.SourceLine(c, BriefingFormat.MarkdownLink(c.Title, c.Url)), subtle: true, spacing: "None"));
        }
        if (deliveryId is not null) body.Add(TextBlock(DeliveryLine(deliveryId), subtle: true, size: "Small"));

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
    }

    /// <summary>"Delivery id: …", on the card and in the fallback text.</summary>
    public static string DeliveryLine(string deliveryId) => $"Delivery id: {deliveryId}";

    private static JsonObject TextBlock(string text, bool subtle = false, string? size = null, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle) block["isSubtle"] = true;
        if (size is not null) block["size"] = size;
        if (spacing is not null) block["spacing"] = spacing;
        return block;
    }
}
