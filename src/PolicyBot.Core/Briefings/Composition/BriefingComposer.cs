using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Briefings.Composition;

/// <summary>
/// Builds a channel's briefing:
/// <code>
/// ingestion history (since, until] ─► net change per document ─► subscription filters (before or after metadata)
///                                   ─► New / Changed (before → after per field) / Removed
/// index's current documents ─► filters ─► effective and status dates in [until, until + 30 days] ─► Upcoming
/// each item ─► summary through the answer pipeline (IAnswerComposer ─► CitationPostProcessor) ─► [n] and a Citation
/// </code>
/// Items come in section order (New, Changed, Removed, Upcoming); changes in the order they happened, then by document id;
/// upcoming dates by date, then document id. Item n's summary ends with [n] and its <see cref="BriefingItem.Citation"/> has
/// Number n. <see cref="BriefingItem.Date"/> is the announced date for changes, the upcoming date for upcoming items.
/// A removed document has no passages left: its summary comes from its last metadata and its citation points at its source.
/// </summary>
public sealed class BriefingComposer(IIngestionHistory history, IPassageIndex index, IAnswerComposer composer, ILogger<BriefingComposer> logger)
    : IBriefingComposer
{
    public const int UpcomingDays = 30;

    private readonly ItemSummarizer _summarizer = new(index, composer);

    public async Task<Briefing> ComposeAsync(BriefingSubscription subscription, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (until < since) throw new ArgumentException($"The period ends ({until:O}) before it starts ({since:O}).", nameof(until));
        var started = Stopwatch.GetTimestamp();

        var changes = NetChange.Fold(await history.ListSinceAsync(since, cancellationToken), since, until)
            .Where(c => BriefingFilter.Matches(subscription, c.Before) || BriefingFilter.Matches(subscription, c.After))
            .ToList();
        var today = BriefingFormat.LocalDate(until, subscription.Schedule.TimeZone);
        var documents = (await index.ListDocumentsAsync(cancellationToken)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var upcoming = UpcomingDate.Find(documents.Values.Where(d => BriefingFilter.Matches(subscription, d.Metadata)), today, UpcomingDays);

        var drafts = BySection(changes).Select(c => Draft(c, documents.GetValueOrDefault(c.DocumentId)))
            .Concat(upcoming.Select(u => new ItemDraft(BriefingItemKind.Upcoming, u.Document.Id, u.Document.Title, u.Document.Metadata,
                u.Document, [u.What], u.Date)))
            .ToList();

        var cache = new Dictionary<string, (string Text, Citation Citation)?>(StringComparer.Ordinal);
        var items = new List<BriefingItem>(drafts.Count);
        foreach (var draft in drafts)
        {
            var number = items.Count + 1;
            var (summary, citation) = await SummarizeAsync(draft, today, cache, cancellationToken);
            items.Add(new BriefingItem(draft.Kind, draft.DocumentId, draft.Title, draft.Metadata?.Jurisdiction,
                $"{summary} [{number}]", draft.Changes, citation with { Number = number }, draft.Date));
        }

        var briefing = new Briefing(since, until, items);
        logger.BriefingComposed(subscription.Id, Count(BriefingItemKind.New), Count(BriefingItemKind.Changed), Count(BriefingItemKind.Removed),
            Count(BriefingItemKind.Upcoming), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return briefing;

        int Count(BriefingItemKind kind) => items.Count(i => i.Kind == kind);
    }

    private static IEnumerable<NetChange> BySection(List<NetChange> changes) =>
        changes.OrderBy(c => c.Kind); // stable: keeps time-then-id order within a section

    private static ItemDraft Draft(NetChange change, DocumentRecord? current) => change.Kind switch
    {
        BriefingItemKind.New => new(change.Kind, change.DocumentId, change.Title, change.After, current, [], change.After?.AnnouncedDate),
        BriefingItemKind.Changed => new(change.Kind, change.DocumentId, change.Title, change.After, current,
            MetadataDiff.Describe(change.Before, change.After, change.TitleBefore, change.TitleBefore is null ? null : change.Title),
            change.After?.AnnouncedDate ?? change.Before?.AnnouncedDate),
        _ => new(change.Kind, change.DocumentId, change.Title, change.Before, null, [], change.Before?.AnnouncedDate),
    };

    private async Task<(string Summary, Citation Citation)> SummarizeAsync(
        ItemDraft draft, DateOnly today, Dictionary<string, (string Text, Citation Citation)?> cache, CancellationToken cancellationToken)
    {
        if (draft.Current is { } document)
        {
            if (!cache.TryGetValue(document.Id, out var summary))
                cache[document.Id] = summary = await _summarizer.SummarizeAsync(document, today, cancellationToken);
            if (summary is { } found) return found;
        }
        return FromMetadata(draft);
    }

    /// <summary>For a document no longer indexed: what it was, cited to its source link.</summary>
    private static (string Summary, Citation Citation) FromMetadata(ItemDraft draft)
    {
        var m = draft.Metadata ?? DocumentMetadata.Empty;
        var record = new DocumentRecord(draft.DocumentId, draft.Title, "", m, "", default, 0);
        var described = PassageFormatter.DescribeDocument(record);
        var summary = draft.Kind == BriefingItemKind.Removed
            ? $"No longer among the indexed documents; it was: {described}."
            : $"{described}.";
        return (summary, new Citation(0, draft.DocumentId, "", draft.Title, m.Jurisdiction, m.Announced, m.Effective, m.PrimarySource, ""));
    }

    /// <param name="Current">The document as indexed now; null for a removed one.</param>
    private sealed record ItemDraft(
        BriefingItemKind Kind, string DocumentId, string Title, DocumentMetadata? Metadata, DocumentRecord? Current, IReadOnlyList<string> Changes, DateOnly? Date);
}
