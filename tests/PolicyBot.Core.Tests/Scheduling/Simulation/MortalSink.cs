using PolicyBot.Core.Briefings;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Tests.Scheduling.Simulation;

public sealed class MortalSink(IBriefingSink inner, SimulatedProcess process) : IBriefingSink
{
    public string Platform => inner.Platform;

    public async Task DeliverAsync(BriefingSubscription subscription, Briefing briefing, string deliveryId, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        await inner.DeliverAsync(subscription, briefing, deliveryId, cancellationToken);
        process.MaybeCrash("after send, before MarkDelivered");
    }
}
