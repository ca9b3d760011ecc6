namespace PolicyBot.Core.Briefings;

/// <summary>Builds a channel's briefing from the measure register and the ingestion history.</summary>
public interface IBriefingComposer
{
    Task<Briefing> ComposeAsync(BriefingSubscription subscription, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}
