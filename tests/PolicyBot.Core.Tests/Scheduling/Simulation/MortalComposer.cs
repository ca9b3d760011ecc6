using PolicyBot.Core.Briefings;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Tests.Scheduling.Simulation;

public sealed class MortalComposer(IBriefingComposer inner, SimulatedProcess process) : IBriefingComposer
{
    public Task<Briefing> ComposeAsync(BriefingSubscription subscription, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return inner.ComposeAsync(subscription, since, until, cancellationToken);
    }
}
