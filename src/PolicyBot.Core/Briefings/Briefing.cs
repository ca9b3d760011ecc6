using PolicyBot.Core.Answering;

namespace PolicyBot.Core.Briefings;

public enum BriefingItemKind { New, Changed, Removed, Upcoming }

/// <summary>What changed for a channel between <see cref="Since"/> and <see cref="Until"/>, and what is coming up.</summary>
public sealed record Briefing(DateTimeOffset Since, DateTimeOffset Until, IReadOnlyList<BriefingItem> Items)
{
    public bool HasChanges => Items.Any(i => i.Kind != BriefingItemKind.Upcoming);
}

/// <param name="Summary">One to three sentences, composed through the answer pipeline, with a [n] marker.</param>
/// <param name="Changes">For changed measures: "status: in force → suspended until 10 November 2026", one per changed field.</param>
public sealed record BriefingItem(
    BriefingItemKind Kind,
    string DocumentId,
    string Title,
    string? Jurisdiction,
    string Summary,
    IReadOnlyList<string> Changes,
    Citation? Citation,
    DateOnly? Date);
