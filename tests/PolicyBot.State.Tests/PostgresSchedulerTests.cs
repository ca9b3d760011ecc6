using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Scheduling;
using PolicyBot.Core.State;
using PolicyBot.Core.Tests.Scheduling.Fakes;
using PolicyBot.State.Postgres;
using Xunit.Abstractions;

namespace PolicyBot.State.Tests;

/// <summary>Several bot instances on one PostgreSQL database: each slot is sent by exactly one, and a dead one's slot is handed over.</summary>
public sealed class PostgresSchedulerTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 27, 0, 0, 0, TimeSpan.Zero);
    private readonly PostgresTestDatabase _database = new();

    [PostgresFact]
    public async Task RunOnceAsync_TwoInstancesOnOneDatabase_DeliverEachSlotExactlyOnce()
    {
        var time = new FakeTimeProvider(Start);
        var channel = new NonceDedupingSink(time);
        var composer = new FakeBriefingComposer();
        var setup = new PostgresSubscriptionStore(_database.Open());
        string[] schedules = ["cron \"*/20 * * * *\" Europe/Berlin", "cron \"0 * * * *\" America/New_York", "daily 02:30 Europe/Berlin", "cron \"*/30 * * * *\" Asia/Shanghai"];
        for (var i = 0; i < schedules.Length; i++)
            await setup.AddAsync(Subscriptions.Create("s" + i, schedules[i], Start), CancellationToken.None);
        var instances = new[] { "a", "b" }.Select(id => Instance(id, channel, composer, TimeSpan.FromMinutes(1))).ToArray();

        var end = Start.AddDays(3);   // over the EU spring-forward night
        while (time.GetUtcNow() < end)
        {
            time.Advance(TimeSpan.FromMinutes(10));
            var now = time.GetUtcNow();
            await Task.WhenAll(instances.Select(i => Task.Run(() => i.Scheduler.RunOnceAsync(now, CancellationToken.None))));
        }

        var expected = schedules.SelectMany((s, i) => ScheduleCalculator.SlotsBetween(ScheduleParser.Parse(s), Start, end).Select(slot => DeliveryIds.For("s" + i, slot))).ToHashSet();
        output.WriteLine($"{expected.Count} slots; instance a sent {instances[0].Sent.Count}, b sent {instances[1].Sent.Count}; sink calls {channel.Calls.Values.Sum()}");
        Assert.Equal(expected, channel.Messages.Keys.ToHashSet());
        Assert.All(channel.Calls.Values, calls => Assert.Equal(1, calls));   // one call per slot: no resend was even needed
        Assert.Empty(instances[0].Sent.Keys.Intersect(instances[1].Sent.Keys));
    }

    [PostgresFact]
    public async Task RunOnceAsync_LeaseHolderKilled_TheOtherInstanceTakesOverAfterTheLease()
    {
        var time = new FakeTimeProvider(Start);
        var channel = new NonceDedupingSink(time);
        var composer = new FakeBriefingComposer();
        var lease = TimeSpan.FromSeconds(2);
        await new PostgresSubscriptionStore(_database.Open()).AddAsync(Subscriptions.Create("s", "daily 08:00 Europe/Berlin", Start), CancellationToken.None);
        var slot = new DateTimeOffset(2026, 3, 27, 7, 0, 0, TimeSpan.Zero);
        time.Advance(slot - Start);

        // "a" claims the slot and dies before it can post; its database handle goes with it, releasing nothing.
        var doomed = Instance("a", channel, composer, lease, failBeforePost: true);
        var clock = Stopwatch.StartNew();
        Assert.Equal(1, (await doomed.Scheduler.RunOnceAsync(time.GetUtcNow(), CancellationToken.None)).Failed);
        await doomed.Database.DisposeAsync();

        var survivor = Instance("b", channel, composer, lease);
        var busyRuns = 0;
        BriefingRunResult result;
        while ((result = await survivor.Scheduler.RunOnceAsync(time.GetUtcNow(), CancellationToken.None)).Delivered == 0 && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            busyRuns += result.Busy;
            await Task.Delay(100);
        }
        var handedOverAfter = clock.Elapsed;
        output.WriteLine($"handed over after {handedOverAfter.TotalSeconds:F2} s (lease {lease.TotalSeconds} s, {busyRuns} runs saw it busy)");

        var id = DeliveryIds.For("s", slot);
        Assert.Equal(id, Assert.Single(survivor.Sent.Keys));
        Assert.Equal(id, Assert.Single(channel.Messages.Keys));
        Assert.True(busyRuns > 0);
        Assert.True(handedOverAfter >= lease - TimeSpan.FromMilliseconds(200), $"handed over after {handedOverAfter}, before the lease ran out");
        var record = await new PostgresDeliveryLog(_database.Open()).FindAsync("s", slot, CancellationToken.None);
        Assert.True(record!.Delivered);
        Assert.Equal(2, record.Attempts);
    }

    private RunningInstance Instance(string id, NonceDedupingSink channel, IBriefingComposer composer, TimeSpan lease, bool failBeforePost = false)
    {
        var database = _database.Open();
        var sink = new TrackingSink(channel, failBeforePost);
        var scheduler = new BriefingScheduler(new PostgresSubscriptionStore(database), new PostgresDeliveryLog(database), composer, [sink],
            Options.Create(new BriefingSchedulerOptions { InstanceId = id, Lease = lease }), NullLogger<BriefingScheduler>.Instance);
        return new RunningInstance(scheduler, database, sink.Sent);
    }

    public void Dispose() => _database.Dispose();

    private sealed record RunningInstance(BriefingScheduler Scheduler, PostgresStateDatabase Database, ConcurrentDictionary<string, int> Sent);

    /// <summary>One instance's view of the shared channel: what it sent (or, failing, died trying to send).</summary>
    private sealed class TrackingSink(IBriefingSink channel, bool failBeforePost) : IBriefingSink
    {
        public ConcurrentDictionary<string, int> Sent { get; } = new();

        public string Platform => channel.Platform;

        public Task DeliverAsync(BriefingSubscription subscription, Briefing briefing, string deliveryId, CancellationToken cancellationToken)
        {
            if (failBeforePost) throw new SimulatedCrashException("killed while holding the lease");
            Sent.AddOrUpdate(deliveryId, 1, (_, n) => n + 1);
            return channel.DeliverAsync(subscription, briefing, deliveryId, cancellationToken);
        }
    }
}
