using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Briefings.Scheduling;
using PolicyBot.Core.State;
using PolicyBot.Core.Tests.Scheduling.Fakes;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.State;

/// <summary>The three stores share one file, and a scheduler over it picks up where a stopped one left off.</summary>
public sealed class SqliteStateFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Scheduler_RestartedOnTheSameFile_NeitherResendsNorLosesASlot()
    {
        var path = _directory.File("state.db");
        var start = new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero);
        var first = Harness(path, start);
        await first.SubscribeAsync("s", "daily 08:00 Europe/Berlin");
        await first.TickAsync(first.Scheduler("one"), TimeSpan.FromMinutes(15), start.AddDays(2));   // 28th and 29th (DST day)

        var second = Harness(path, first.Time.GetUtcNow());
        await second.TickAsync(second.Scheduler("two"), TimeSpan.FromMinutes(15), start.AddDays(3));  // 30th

        Assert.Equal(2, first.Sink.Messages.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 6, 0, 0, TimeSpan.Zero), Assert.Single(second.Sink.Messages.Values).Briefing.Until);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero), Assert.Single(second.Sink.Messages.Values).Briefing.Since);
        var log = await second.Deliveries.ListAsync("s", CancellationToken.None);
        Assert.Equal(3, log.Count(r => r.Delivered));
        Assert.Equal(new[] { 7, 6, 6 }, log.Select(r => r.Slot.Hour));
    }

    private static SchedulerHarness Harness(string path, DateTimeOffset now)
    {
        var time = new FakeTimeProvider(now);
        var database = new SqliteStateDatabase(path);
        return new SchedulerHarness(time, new SqliteSubscriptionStore(database), new SqliteDeliveryLog(database, time));
    }

    public void Dispose() => _directory.Dispose();
}
