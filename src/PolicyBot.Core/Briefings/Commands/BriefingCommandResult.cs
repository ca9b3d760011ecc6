namespace PolicyBot.Core.Briefings.Commands;

public enum BriefingCommandOutcome { Done, Help, Invalid, Refused, NotFound }

/// <summary>A platform-neutral reply to a brief command.</summary>
/// <param name="Text">Plain text for any surface; for <c>brief now</c> the whole briefing with [n] markers and sources.</param>
public sealed record BriefingCommandResult(BriefingCommandOutcome Outcome, string Text)
{
    /// <summary>The briefing of <c>brief now</c>, for a platform renderer (Discord embeds, Teams card).</summary>
    public Briefing? Briefing { get; init; }

    /// <summary>The subscription created by <c>subscribe</c>; for <c>now</c>, the ad-hoc one the briefing was composed for (filters, period).</summary>
    public BriefingSubscription? Subscription { get; init; }

    /// <summary>The channel's subscriptions, for <c>list</c>.</summary>
    public IReadOnlyList<BriefingSubscription> Subscriptions { get; init; } = [];
}
