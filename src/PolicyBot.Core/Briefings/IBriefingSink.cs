namespace PolicyBot.Core.Briefings;

/// <summary>Posts a briefing to a platform channel (Discord REST, Teams proactive message).</summary>
public interface IBriefingSink
{
    /// <summary>"discord" or "teams".</summary>
    string Platform { get; }

    /// <summary>
    /// Delivers once per <paramref name="deliveryId"/>: a retry with the same id after a crash must not post twice
    /// (Discord: message nonce with enforce_nonce; Teams: at most one duplicate, documented).
    /// </summary>
    Task DeliverAsync(BriefingSubscription subscription, Briefing briefing, string deliveryId, CancellationToken cancellationToken);
}
