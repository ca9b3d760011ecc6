using System.Text.Json;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Composition;
using PolicyBot.Teams.Connector;
using PolicyBot.Teams.Models;
using PolicyBot.Teams.Rendering;

namespace PolicyBot.Teams.Briefings;

/// <summary>
/// A briefing as one Teams message: the Adaptive Card, plain text with [n] markers for clients without cards (and for Teams'
/// citation pop-ups, with the AI entity as answers have), and a notification summary. Kept under
/// <see cref="ConnectorLimits.MaxActivityBytes"/>: summaries are shortened first, then the last items are left out and counted.
/// </summary>
public static class TeamsBriefingRenderer
{
    private static readonly int[] SummaryCaps = [600, 300];

    public static Activity Render(Briefing briefing, BriefingSubscription subscription, string? deliveryId = null, int maxBytes = ConnectorLimits.MaxActivityBytes)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(subscription);
        foreach (var cap in SummaryCaps)
        {
            var activity = Build(briefing, subscription, deliveryId, briefing.Items.Count, cap);
            if (ConnectorLimits.MeasureBytes(activity) <= maxBytes) return activity;
        }
        // The most items that fit (at least none): binary search, each probe is one serialization.
        int fits = 0, tooMany = briefing.Items.Count;
        while (tooMany - fits > 1)
        {
            var middle = fits + (tooMany - fits) / 2;
            if (ConnectorLimits.MeasureBytes(Build(briefing, subscription, deliveryId, middle, SummaryCaps[^1])) <= maxBytes) fits = middle;
            else tooMany = middle;
        }
        return Build(briefing, subscription, deliveryId, fits, SummaryCaps[^1]);
    }

    private static Activity Build(Briefing briefing, BriefingSubscription subscription, string? deliveryId, int count, int summaryCap)
    {
        var items = briefing.Items.Take(count).ToList();
        var omitted = briefing.Items.Count - items.Count;
        var shown = briefing with { Items = [.. items.Select(i => i with { Summary = BriefingFormat.Truncate(i.Summary, summaryCap) })] };
        var card = TeamsBriefingCard.Build(briefing, subscription, deliveryId, items, summaryCap, omitted);
        var text = BriefingText.Render(shown, subscription)
            + (omitted > 0 ? $"\n\n{omitted} more item{(omitted == 1 ? "" : "s")} did not fit in this message." : "")
            + (deliveryId is null ? "" : "\n\n" + TeamsBriefingCard.DeliveryLine(deliveryId));
        var citations = items.Select(i => i.Citation).OfType<Core.Answering.Citation>().ToList();
        return new Activity
        {
            Type = ActivityTypes.Message,
            Summary = Summary(briefing),
            Text = text,
            TextFormat = "markdown",
            Attachments = [new Attachment { ContentType = TeamsBriefingCard.ContentType, Content = JsonSerializer.SerializeToElement(card) }],
            Entities = citations.Count > 0 ? [JsonSerializer.SerializeToElement(AiMessageEntity.Build(citations))] : null,
        };
    }

    /// <summary>"Policy briefing: 2 new, 1 changed, 3 upcoming" (what a notification shows).</summary>
    private static string Summary(Briefing briefing)
    {
        var counts = BriefingFormat.SectionOrder
            .Select(kind => (kind, n: briefing.Items.Count(i => i.Kind == kind)))
            .Where(x => x.n > 0)
            .Select(x => $"{x.n} {BriefingFormat.SectionTitle(x.kind).ToLowerInvariant()}")
            .ToList();
        return counts.Count == 0 ? $"{BriefingFormat.Title}: no changes" : $"{BriefingFormat.Title}: {string.Join(", ", counts)}";
    }
}
