using PolicyBot.Core.Domain;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Briefings.Composition;

/// <summary>
/// What happened to one document over a period, folding its changes in order: added then updated is new; updated twice is one
/// change from the first "before" to the last "after"; added then removed is nothing; removed then added again is a change.
/// </summary>
internal sealed record NetChange(string DocumentId, string Title, string? TitleBefore, BriefingItemKind Kind, DocumentMetadata? Before, DocumentMetadata? After, DateTimeOffset At)
{
    /// <summary>The net changes in (<paramref name="since"/>, <paramref name="until"/>], in the order they (last) happened, then by id.</summary>
    public static IReadOnlyList<NetChange> Fold(IEnumerable<DocumentChange> changes, DateTimeOffset since, DateTimeOffset until) =>
        changes
            .Select((change, order) => (change, order))
            .Where(c => c.change.At > since && c.change.At <= until)
            .GroupBy(c => c.change.DocumentId, StringComparer.Ordinal)
            .Select(g => Net(g.OrderBy(c => c.change.At).ThenBy(c => c.order).Select(c => c.change).ToList()))
            .OfType<NetChange>()
            .OrderBy(c => c.At).ThenBy(c => c.DocumentId, StringComparer.Ordinal)
            .ToList();

    private static NetChange? Net(List<DocumentChange> history)
    {
        var (first, last) = (history[0], history[^1]);
        var existedBefore = first.Kind != DocumentChangeKind.Added;
        var existsAfter = last.Kind != DocumentChangeKind.Removed;
        var titleBefore = existedBefore && first.Title != last.Title ? first.Title : null;
        return (existedBefore, existsAfter) switch
        {
            (false, true) => new NetChange(last.DocumentId, last.Title, null, BriefingItemKind.New, null, last.After, last.At),
            (true, true) => new NetChange(last.DocumentId, last.Title, titleBefore, BriefingItemKind.Changed, first.Before, last.After, last.At),
            (true, false) => new NetChange(last.DocumentId, first.Title, null, BriefingItemKind.Removed, first.Before, null, last.At),
            _ => null,
        };
    }
}
