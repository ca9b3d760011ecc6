using System.Globalization;
using System.Text;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Composition;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Briefings;

/// <summary>
/// A briefing as Discord messages: a "Policy briefing" embed with the period and filters (and "No changes since …" when
/// nothing changed), an embed per section (New, Changed with before → after lines, Removed, Upcoming) whose items carry their
/// [n], and a Sources field list for those items. One message when it fits <see cref="DiscordLimits"/> (summaries are shortened
/// first); otherwise continuation messages, each with its own sources, up to <see cref="MaxMessages"/>, after which the
/// first message says how many items were left out.
/// </summary>
public static class DiscordBriefingRenderer
{
    public const int MaxMessages = 5;
    public const int HeaderColor = 0x1565C0, NewColor = 0x2E7D32, ChangedColor = 0xF9A825, RemovedColor = 0xC62828, UpcomingColor = 0x6A1B9A;

    /// <summary>Room kept in every message for the footer and the "did not fit" note, added after paging.</summary>
    private const int Reserve = 200;

    /// <summary>Tried in turn for a single message: longest summaries, titles and change lines first; the last one is used for paging.</summary>
    private static readonly Caps[] Shortening = [new(600, 200, 300), new(400, 150, 200), new(250, 100, 150)];

    private sealed record Caps(int Summary, int Title, int Change);

    public static IReadOnlyList<MessagePayload> Render(Briefing briefing, BriefingSubscription subscription, string? deliveryId = null)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(subscription);
        var pages = Paginate(briefing, subscription);
        var shown = pages.Sum(p => p.Count);
        var messages = new List<MessagePayload>(pages.Count);
        for (var k = 0; k < pages.Count; k++)
        {
            var embeds = Build(briefing, subscription, pages[k].Items, pages[k].Caps, first: k == 0, omitted: k == 0 ? briefing.Items.Count - shown : 0);
            var footer = string.Join(" · ", new[] { deliveryId is null ? null : $"Delivery {BriefingFormat.Truncate(deliveryId, 100)}", pages.Count > 1 ? $"part {k + 1}/{pages.Count}" : null }.OfType<string>());
            if (footer.Length > 0) embeds[^1] = embeds[^1] with { Footer = new EmbedFooter(footer) };
            messages.Add(new MessagePayload { Embeds = embeds, AllowedMentions = AllowedMentions.None });
        }
        return messages;
    }

    /// <summary>Whether the embeds make a valid single message.</summary>
    public static bool Fits(IReadOnlyList<Embed> embeds) => Fits(embeds, 0);

    /// <summary>Characters Discord counts towards the 6000 per message: titles, descriptions, field names and values, footers.</summary>
    public static int Size(Embed e) =>
        (e.Title?.Length ?? 0) + (e.Description?.Length ?? 0) + (e.Footer?.Text.Length ?? 0) + (e.Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0);

    private sealed record Page(IReadOnlyList<BriefingItem> Items, Caps Caps)
    {
        public int Count => Items.Count;
    }

    private static List<Page> Paginate(Briefing briefing, BriefingSubscription subscription)
    {
        foreach (var caps in Shortening)
            if (Fits(Build(briefing, subscription, briefing.Items, caps, first: true, omitted: 0), Reserve)) return [new Page(briefing.Items, caps)];

        var paging = Shortening[^1];
        var pages = new List<Page>();
        var current = new List<BriefingItem>();
        foreach (var item in briefing.Items)
        {
            current.Add(item);
            if (Fits(Build(briefing, subscription, current, paging, first: pages.Count == 0, omitted: 0), Reserve)) continue;
            current.RemoveAt(current.Count - 1);
            if (current.Count > 0) pages.Add(new Page([.. current], paging));
            if (pages.Count == MaxMessages) return pages;
            current = [item]; // an item alone always fits: Block caps it at 4 × the summary cap
        }
        if (current.Count > 0 && pages.Count < MaxMessages) pages.Add(new Page(current, paging));
        return pages.Count == 0 ? [new Page([], paging)] : pages;
    }

    private static bool Fits(IReadOnlyList<Embed> embeds, int reserve) =>
        embeds.Count <= DiscordLimits.EmbedsPerMessage
        && embeds.Sum(Size) <= DiscordLimits.EmbedTotal - reserve
        && embeds.All(e => (e.Title?.Length ?? 0) <= DiscordLimits.EmbedTitle
            && (e.Description?.Length ?? 0) <= DiscordLimits.EmbedDescription
            && (e.Footer?.Text.Length ?? 0) <= DiscordLimits.FooterText
            && (e.Fields?.Count ?? 0) <= DiscordLimits.EmbedFields
            && (e.Fields ?? []).All(f => f.Name.Length <= DiscordLimits.FieldName && f.Value.Length <= DiscordLimits.FieldValue));

    private static List<Embed> Build(Briefing briefing, BriefingSubscription subscription, IReadOnlyList<BriefingItem> items, Caps caps, bool first, int omitted)
    {
        var timestamp = briefing.Until.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var embeds = new List<Embed>();
        if (first)
        {
            var header = new StringBuilder(BriefingFormat.Period(briefing, subscription));
            if (!briefing.HasChanges) header.Append("\n\n").Append(BriefingFormat.NoChanges(briefing, subscription));
            if (omitted > 0) header.Append("\n\n").Append(CultureInfo.InvariantCulture, $"{omitted} more item{(omitted == 1 ? "" : "s")} did not fit in {MaxMessages} messages.");
            embeds.Add(new Embed { Title = BriefingFormat.Title, Description = header.ToString(), Color = HeaderColor, Timestamp = timestamp });
        }
        else
        {
            embeds.Add(new Embed { Title = $"{BriefingFormat.Title} (continued)", Color = HeaderColor, Timestamp = timestamp });
        }

        foreach (var kind in BriefingFormat.SectionOrder)
        {
            var blocks = items.Where(i => i.Kind == kind).Select(i => Block(i, caps)).ToList();
            if (blocks.Count == 0) continue;
            var pages = Pack(blocks, "\n\n", DiscordLimits.EmbedDescription);
            for (var p = 0; p < pages.Count; p++)
                embeds.Add(new Embed { Title = BriefingFormat.SectionTitle(kind) + (p > 0 ? " (continued)" : ""), Description = pages[p], Color = Color(kind) });
        }

        var sources = items.Select(i => i.Citation).OfType<Core.Answering.Citation>()
            .Select(c => BriefingFormat.Truncate(BriefingFormat.SourceLine(c, BriefingFormat.MarkdownLink(BriefingFormat.Truncate(c.Title, caps.Title), c.Url)), DiscordLimits.FieldValue))
            .ToList();
        var fields = Pack(sources, "\n", DiscordLimits.FieldValue).Select((v, i) => new EmbedField(i == 0 ? "Sources" : "Sources (continued)", v)).ToList();
        if (fields.Count > 0) embeds.Add(new Embed { Fields = fields, Color = HeaderColor });
        return embeds;
    }

    private static string Block(BriefingItem item, Caps caps)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"**[{BriefingFormat.Number(item)}] {Escape(BriefingFormat.Truncate(item.Title, caps.Title))}**");
        if (BriefingFormat.Meta(item) is { Length: > 0 } meta) sb.Append('\n').Append(meta);
        foreach (var change in item.Changes) sb.Append("\n• ").Append(Escape(BriefingFormat.Truncate(change, caps.Change)));
        sb.Append('\n').Append(BriefingFormat.Truncate(item.Summary, caps.Summary));
        return BriefingFormat.Truncate(sb.ToString(), 4 * caps.Summary);
    }

    /// <summary>Joins whole parts into pages of at most <paramref name="limit"/> characters.</summary>
    private static List<string> Pack(IReadOnlyList<string> parts, string separator, int limit)
    {
        var pages = new List<string>();
        var current = new StringBuilder();
        foreach (var part in parts)
        {
            if (current.Length > 0 && current.Length + separator.Length + part.Length > limit)
            {
                pages.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0) current.Append(separator);
            current.Append(part);
        }
        if (current.Length > 0) pages.Add(current.ToString());
        return pages;
    }

    private static int Color(BriefingItemKind kind) => kind switch
    {
        BriefingItemKind.New => NewColor,
        BriefingItemKind.Changed => ChangedColor,
        BriefingItemKind.Removed => RemovedColor,
        _ => UpcomingColor,
    };

    // Titles and status text come from documents: keep their asterisks and underscores from turning into formatting.
    private static string Escape(string text) => text.Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
