using System.Globalization;

namespace PolicyBot.Core.Tests.Scheduling.Simulation;

/// <param name="Slots">Slots due in the simulated span.</param>
/// <param name="MinMessagesPerSlot">Messages the channels show for the least-served slot (must be 1).</param>
/// <param name="MaxMessagesPerSlot">... and for the most-served slot (must be 1).</param>
/// <param name="SinkCalls">Posts attempted, resends and failed requests included.</param>
/// <param name="NonceResends">Resends after a crash between send and record, turned back by the nonce.</param>
/// <param name="RetriedClaims">Slots claimed more than once (a lapsed lease taken over).</param>
/// <param name="SkippedSlots">Slots superseded by a catch-up (must be 0: every restart is quicker than a slot).</param>
public sealed record SimulationReport(
    int Slots, int Messages, int MinMessagesPerSlot, int MaxMessagesPerSlot, int SinkCalls, int NonceResends, int TransientFailures,
    IReadOnlyDictionary<string, int> Crashes, int Restarts, int RetriedClaims, int SkippedSlots, TimeSpan MaxLateness, int Ticks,
    TimeSpan SimulatedSpan, TimeSpan WallClock)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"""
        {Slots} slots over {SimulatedSpan.TotalDays:F1} simulated days ({Ticks} ticks, 1 min apart) in {WallClock.TotalSeconds:F1} s wall clock
        messages per slot: min {MinMessagesPerSlot}, max {MaxMessagesPerSlot}; {Messages} messages in all
        sink calls {SinkCalls}: {NonceResends} resends turned back by the nonce, {TransientFailures} failed requests retried
        crashes {Crashes.Values.Sum()} ({string.Join(", ", Crashes.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}"))}), restarts {Restarts}
        slots claimed more than once {RetriedClaims}; slots skipped {SkippedSlots}; latest message {MaxLateness.TotalMinutes:F0} min after its slot
        """);
}
