using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Scheduling;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Tests.Scheduling.Fakes;

/// <summary>In-memory stores on a fake clock, a fake composer and a nonce-deduping Discord channel, and schedulers over them.</summary>
public sealed class SchedulerHarness
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public SchedulerHarness(DateTimeOffset start) : this(new FakeTimeProvider(start)) { }

    /// <param name="subscriptions">In memory when null.</param>
    /// <param name="deliveries">In memory, on <paramref name="time"/>, when null.</param>
    public SchedulerHarness(FakeTimeProvider time, ISubscriptionStore? subscriptions = null, IDeliveryLog? deliveries = null)
    {
        Time = time;
        Subscriptions = subscriptions ?? new InMemorySubscriptionStore();
        Deliveries = deliveries ?? new InMemoryDeliveryLog(Time);
        Sink = new NonceDedupingSink(Time);
    }

    public FakeTimeProvider Time { get; }
    public ISubscriptionStore Subscriptions { get; }
    public IDeliveryLog Deliveries { get; }
    public FakeBriefingComposer Composer { get; } = new();
    public NonceDedupingSink Sink { get; }

    public BriefingScheduler Scheduler(string instanceId = "instance-1", ISubscriptionStore? subscriptions = null, IDeliveryLog? deliveries = null,
        IBriefingComposer? composer = null, IBriefingSink? sink = null) =>
        new(subscriptions ?? Subscriptions, deliveries ?? Deliveries, composer ?? Composer, [sink ?? Sink],
            Options.Create(new BriefingSchedulerOptions { InstanceId = instanceId, Lease = Lease }), NullLogger<BriefingScheduler>.Instance);

    /// <summary>Runs the scheduler every <paramref name="step"/> until <paramref name="until"/>.</summary>
    public async Task TickAsync(BriefingScheduler scheduler, TimeSpan step, DateTimeOffset until)
    {
        while (Time.GetUtcNow() < until)
        {
            Time.Advance(step);
            await scheduler.RunOnceAsync(Time.GetUtcNow(), CancellationToken.None);
        }
    }

    public async Task<BriefingSubscription> SubscribeAsync(string id, string schedule, bool skipWhenEmpty = false, DateTimeOffset? lastBriefingAt = null)
    {
        var subscription = Fakes.Subscriptions.Create(id, schedule, Time.GetUtcNow(), skipWhenEmpty, lastBriefingAt: lastBriefingAt);
        await Subscriptions.AddAsync(subscription, CancellationToken.None);
        return subscription;
    }

    public async Task<BriefingSubscription> GetAsync(string id) =>
        (await Subscriptions.ListAsync(null, null, CancellationToken.None)).Single(s => s.Id == id);
}
