using System.Text;

namespace PolicyBot.Core.Briefings.Composition;

/// <summary>
/// A briefing as plain text with [n] markers and a numbered source list: the reply to <c>brief now</c> on text-only surfaces
/// (CLI, web page) and the fallback text of a Teams card.
/// </summary>
public static class BriefingText
{
    public static string Render(Briefing briefing, BriefingSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(subscription);
        var sb = new StringBuilder();
        sb.AppendLine(BriefingFormat.Title).AppendLine(BriefingFormat.Period(briefing, subscription));
        if (!briefing.HasChanges) sb.AppendLine(BriefingFormat.NoChanges(briefing, subscription));
        foreach (var kind in BriefingFormat.SectionOrder)
        {
            var items = briefing.Items.Where(i => i.Kind == kind).ToList();
            if (items.Count == 0) continue;
            sb.AppendLine().AppendLine(BriefingFormat.SectionTitle(kind));
            foreach (var item in items)
            {
                var meta = BriefingFormat.Meta(item);
                sb.Append("- ").Append(item.Title).AppendLine(meta.Length > 0 ? $" ({meta})" : "");
                foreach (var change in item.Changes) sb.Append("  ").AppendLine(change);
                sb.Append("  ").AppendLine(item.Summary);
            }
        }
        var citations = briefing.Items.Select(i => i.Citation).OfType<Answering.Citation>().ToList();
        if (citations.Count > 0)
        {
            sb.AppendLine().AppendLine("Sources:");
            foreach (var c in citations)
                sb.Append(BriefingFormat.SourceLine(c)).AppendLine(c.Url is null ? "" : $" — {c.Url}");
        }
        return sb.ToString().TrimEnd();
    }
}
