using Xunit.Abstractions;

namespace PolicyBot.Core.Tests.Scheduling.Simulation;

public sealed class CrashSimulationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ThousandSlots_WithRandomCrashesAndRestarts_EachSlotDeliveredExactlyOnce()
    {
        var report = await CrashSimulation.RunAsync(slotCount: 1000, seed: 20260329, crashProbability: 0.03, failureProbability: 0.02);
        output.WriteLine(report.ToString());

        Assert.Equal(1000, report.Slots);
        Assert.Equal(1000, report.Messages);
        Assert.Equal(1, report.MinMessagesPerSlot);
        Assert.Equal(1, report.MaxMessagesPerSlot);
        Assert.Equal(0, report.SkippedSlots);
        Assert.True(report.Crashes.Values.Sum() > 20, "the run should crash often enough to mean something");
        Assert.True(report.NonceResends > 0, "some crash should fall between send and record");
    }
}
