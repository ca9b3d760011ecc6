using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Scheduling;
using PolicyBot.Core.State;
using PolicyBot.Core.Tests.Scheduling.Fakes;

namespace PolicyBot.Core.Tests.Scheduling;

public sealed class BriefingWorkerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 21, 7, 59, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ExecuteAsync_TimerTicks_DeliversTheDueSlot()
    {
        var h = new SchedulerHarness(Start);
        await h.SubscribeAsync("s", "daily 08:00", lastBriefingAt: new DateTimeOffset(2026, 3, 20, 8, 0, 0, TimeSpan.Zero));
        using var worker = Worker(h, h.Scheduler());
        await worker.StartAsync(CancellationToken.None);

        await AdvanceUntilAsync(h, () => h.Sink.Messages.Count == 1);

        Assert.InRange(Assert.Single(h.Sink.Messages.Values).PostedAt, Start.AddMinutes(1), Start.AddMinutes(1) + Interval);
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExecuteAsync_RunThrows_KeepsRunningAndDeliversOnALaterTick()
    {
        var h = new SchedulerHarness(Start);
        await h.SubscribeAsync("s", "daily 08:00", lastBriefingAt: new DateTimeOffset(2026, 3, 20, 8, 0, 0, TimeSpan.Zero));
        var flaky = new FlakyListStore(h.Subscriptions, failures: 3);
        using var worker = Worker(h, h.Scheduler(subscriptions: flaky));
        await worker.StartAsync(CancellationToken.None);

        await AdvanceUntilAsync(h, () => h.Sink.Messages.Count == 1);

        Assert.True(flaky.Calls > 3);
        await worker.StopAsync(CancellationToken.None);
        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
    }

    private static BriefingWorker Worker(SchedulerHarness h, BriefingScheduler scheduler) =>
        new(scheduler, h.Time, Options.Create(new BriefingSchedulerOptions { Interval = Interval }), NullLogger<BriefingWorker>.Instance);

    /// <summary>Moves the fake clock one interval at a time, letting the worker's continuation run, until the condition holds.</summary>
    private static async Task AdvanceUntilAsync(SchedulerHarness h, Func<bool> condition)
    {
        for (var i = 0; i < 40 && !condition(); i++)
        {
            h.Time.Advance(Interval);
            for (var spin = 0; spin < 50 && !condition(); spin++) await Task.Delay(2);
        }
        Assert.True(condition(), "the worker did not deliver within 40 intervals");
    }

    /// <summary>Listing throws the first few times: the whole run fails, as a database outage would make it.</summary>
    private sealed class FlakyListStore(ISubscriptionStore inner, int failures) : ISubscriptionStore
    {
        private int _calls;

        public int Calls => _calls;

        public Task AddAsync(BriefingSubscription subscription, CancellationToken cancellationToken) => inner.AddAsync(subscription, cancellationToken);

        public Task<IReadOnlyList<BriefingSubscription>> ListAsync(string? platform, string? channelId, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) <= failures ? throw new TimeoutException("database unavailable") : inner.ListAsync(platform, channelId, cancellationToken);

        public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) => inner.RemoveAsync(id, cancellationToken);

        public Task SetLastBriefingAsync(string id, DateTimeOffset until, CancellationToken cancellationToken) => inner.SetLastBriefingAsync(id, until, cancellationToken);
    }
}
