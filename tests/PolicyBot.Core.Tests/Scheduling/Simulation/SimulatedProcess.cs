using PolicyBot.Core.Tests.Scheduling.Fakes;

namespace PolicyBot.Core.Tests.Scheduling.Simulation;

/// <summary>
/// One run of the bot between restarts. At each crash point it may die (with the given probability); once dead, every call
/// through its decorators throws, so nothing after the crash point happens in it — as if the process had gone.
/// </summary>
public sealed class SimulatedProcess(string instanceId, Random random, double crashProbability, Dictionary<string, int> crashes)
{
    public string InstanceId { get; } = instanceId;

    public bool Dead { get; private set; }

    public void ThrowIfDead()
    {
        if (Dead) throw new SimulatedCrashException(InstanceId + " is dead");
    }

    public void MaybeCrash(string point)
    {
        ThrowIfDead();
        if (random.NextDouble() >= crashProbability) return;
        Dead = true;
        crashes[point] = crashes.GetValueOrDefault(point) + 1;
        throw new SimulatedCrashException($"{InstanceId} died {point}");
    }
}
