namespace PolicyBot.Core.Briefings.Composition;

/// <summary>The subscription's choice when nothing changed: a short "no changes" note, or no message at all.</summary>
public static class BriefingDelivery
{
    /// <summary>False when the briefing has no changes and the subscription asked to skip empty briefings (upcoming dates alone do not count).</summary>
    public static bool ShouldPost(BriefingSubscription subscription, Briefing briefing)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(briefing);
        return briefing.HasChanges || !subscription.SkipWhenEmpty;
    }
}
