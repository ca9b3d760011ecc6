using PolicyBot.Core.Briefings.Scheduling;
using PolicyBot.Core.State;
using PolicyBot.Core.Tests.Scheduling.Fakes;

namespace PolicyBot.Core.Tests.Scheduling;

public sealed class BriefingSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunOnceAsync_EveryFiveMinutesOverTwoWeeks_DeliversEachSlotOnce()
    {
        var h = new SchedulerHarness(Start);
        await h.SubscribeAsync("daily", "daily 08:00 Europe/Berlin");
        await h.SubscribeAsync("cron", "cron \"0 7 * * 1-5\" Asia/Shanghai");

        await h.TickAsync(h.Scheduler(), TimeSpan.FromMinutes(5), Start.AddDays(14));

        var expected = new[] { "daily", "cron" }.SelectMany(id =>
            ScheduleCalculator.SlotsBetween(ScheduleParser.Parse(id == "daily" ? "daily 08:00 Europe/Berlin" : "cron \"0 7 * * 1-5\" Asia/Shanghai"), Start, Start.AddDays(14))
                .Select(slot => DeliveryIds.For(id, slot))).ToHashSet();
        Assert.Equal(14 + 10, expected.Count);
        Assert.Equal(expected, h.Sink.Messages.Keys.ToHashSet());
        Assert.All(h.Sink.Calls.Values, calls => Assert.Equal(1, calls));
        Assert.Equal(new DateTimeOffset(2026, 4, 3, 6, 0, 0, TimeSpan.Zero), (await h.GetAsync("daily")).LastBriefingAt);
    }

    [Fact]
    public async Task RunOnceAsync_NewSubscription_FirstSlotIsTheFirstAfterCreation()
    {
        var h = new SchedulerHarness(Start);   // 12:00Z, after today's 08:00
        await h.SubscribeAsync("s", "daily 08:00");

        await h.TickAsync(h.Scheduler(), TimeSpan.FromMinutes(10), Start.AddHours(21));

        var message = Assert.Single(h.Sink.Messages.Values);
        Assert.Equal(Start, message.Briefing.Since);
        Assert.Equal(new DateTimeOffset(2026, 3, 21, 8, 0, 0, TimeSpan.Zero), message.Briefing.Until);
    }

    [Fact]
    public async Task RunOnceAsync_DowntimeOverThreeSlots_CatchesUpTheLatestOnce()
    {
        var h = new SchedulerHarness(Start);
        var last = new DateTimeOffset(2026, 3, 20, 8, 0, 0, TimeSpan.Zero);
        await h.SubscribeAsync("s", "daily 08:00", lastBriefingAt: last);

        h.Time.Advance(TimeSpan.FromDays(3));   // 21st, 22nd and 23rd 08:00 pass while the bot is down
        var scheduler = h.Scheduler();
        var first = await scheduler.RunOnceAsync(h.Time.GetUtcNow(), CancellationToken.None);
        await h.TickAsync(scheduler, TimeSpan.FromMinutes(10), h.Time.GetUtcNow().AddHours(12));

        Assert.Equal(new BriefingRunResult(1, 1, 0, 2, 0, 0), first);
        var message = Assert.Single(h.Sink.Messages.Values);
        Assert.Equal(last, message.Briefing.Since);                                              // covers the whole gap
        Assert.Equal(new DateTimeOffset(2026, 3, 23, 8, 0, 0, TimeSpan.Zero), message.Briefing.Until);
        var log = await h.Deliveries.ListAsync("s", CancellationToken.None);
        Assert.Equal([true, true, false], log.Select(r => r.Skipped));
        Assert.Equal([false, false, true], log.Select(r => r.Delivered));
    }

    [Fact]
    public async Task RunOnceAsync_CrashAfterSendBeforeRecord_RestartResendsSameIdAndChannelShowsOne()
    {
        var h = new SchedulerHarness(Start);
        await h.SubscribeAsync("s", "daily 08:00");
        var slot = new DateTimeOffset(2026, 3, 21, 8, 0, 0, TimeSpan.Zero);
        h.Sink.FailAfterPost = (_, _) => new SimulatedCrashException("died before MarkDelivered");
        h.Time.Advance(slot - h.Time.GetUtcNow());
        await h.Scheduler("before-crash").RunOnceAsync(h.Time.GetUtcNow(), CancellationToken.None);
        h.Sink.FailAfterPost = null;

        var restarted = h.Scheduler("after-restart");
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var duringLease = await restarted.RunOnceAsync(h.Time.GetUtcNow(), CancellationToken.None);
        await h.TickAsync(restarted, TimeSpan.FromMinutes(1), slot.AddDays(1).AddMinutes(5));

        var id = DeliveryIds.For("s", slot);
        Assert.Equal(1, duringLease.Busy);
        Assert.Equal(2, h.Sink.Calls[id]);                     // sent again with the same nonce ...
        Assert.Equal(2, h.Sink.Messages.Count);                // ... but the channel shows it once, and the next slot came too
        Assert.Equal(1, h.Sink.NonceDuplicatesSuppressed);
        var record = await h.Deliveries.FindAsync("s", slot, CancellationToken.None);
        Assert.True(record!.Delivered);
        Assert.Equal(2, record.Attempts);
    }

    [Fact]
    public async Task RunOnceAsync_SinkFails_RetriedAfterTheLeaseWithTheSameId()
    {
        var h = new SchedulerHarness(Start);
        await h.SubscribeAsync("s", "daily 08:00");
        var failures = 2;
        h.Sink.FailBeforePost = (_, _) => failures-- > 0 ? new HttpRequestException("503") : null;

        await h.TickAsync(h.Scheduler(), TimeSpan.FromMinutes(1), new DateTimeOffset(2026, 3, 21, 8, 10, 0, TimeSpan.Zero));

        var message = Assert.Single(h.Sink.Messages);
        Assert.Equal(3, h.Sink.Calls[message.Key]);
        Assert.Equal(new DateTimeOffset(2026, 3, 21, 8, 4, 0, TimeSpan.Zero), message.Value.PostedAt);   // 08:00, 08:02, 08:04
    }

    [Fact]
    public async Task RunOnceAsync_NothingChanged_SkipsOrSendsANoteAsTheSubscriptionAsks()
    {
        var h = new SchedulerHarness(Start);
        h.Composer.Empty = true;
        await h.SubscribeAsync("skip", "daily 08:00", skipWhenEmpty: true);
        await h.SubscribeAsync("note", "daily 08:00", skipWhenEmpty: false);

        await h.TickAsync(h.Scheduler(), TimeSpan.FromMinutes(30), Start.AddDays(1));

        var note = Assert.Single(h.Sink.Messages.Values);
        Assert.Equal("note", note.SubscriptionId);
        Assert.False(note.Briefing.HasChanges);
        var slot = new DateTimeOffset(2026, 3, 21, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(slot, (await h.GetAsync("skip")).LastBriefingAt);
        Assert.True((await h.Deliveries.FindAsync("skip", slot, CancellationToken.None))!.Skipped);
    }

    [Fact]
    public async Task RunOnceAsync_OneSubscriptionFails_OthersAreDelivered()
    {
        var h = new SchedulerHarness(Start);
        await h.SubscribeAsync("broken", "daily 08:00");
        await h.SubscribeAsync("fine", "daily 08:00");
        h.Composer.FailFor.Add("broken");
        h.Time.Advance(TimeSpan.FromDays(1));

        var result = await h.Scheduler().RunOnceAsync(h.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(new BriefingRunResult(2, 1, 0, 0, 0, 1), result);
        Assert.Equal("fine", Assert.Single(h.Sink.Messages.Values).SubscriptionId);
    }

    [Fact]
    public async Task RunOnceAsync_NoSinkForThePlatform_ClaimsNothing()
    {
        var h = new SchedulerHarness(Start);
        await h.Subscriptions.AddAsync(Subscriptions.Create("t", "daily 08:00", Start, platform: "teams"), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromDays(1));

        var result = await h.Scheduler().RunOnceAsync(h.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(1, result.Failed);
        Assert.Empty(await h.Deliveries.ListAsync("t", CancellationToken.None));
    }

    [Fact]
    public async Task RunOnceAsync_CrashAfterRecordBeforeLastBriefing_AdvancesWithoutResending()
    {
        var h = new SchedulerHarness(Start);
        await h.SubscribeAsync("s", "daily 08:00");
        var slot = new DateTimeOffset(2026, 3, 21, 8, 0, 0, TimeSpan.Zero);
        var dying = new CrashingSubscriptionStore(h.Subscriptions);
        h.Time.Advance(slot - h.Time.GetUtcNow());
        await h.Scheduler("dies", subscriptions: dying).RunOnceAsync(h.Time.GetUtcNow(), CancellationToken.None);
        Assert.Null((await h.GetAsync("s")).LastBriefingAt);

        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.Scheduler("restarted").RunOnceAsync(h.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(slot, (await h.GetAsync("s")).LastBriefingAt);
        Assert.Equal(1, h.Sink.Calls.Values.Sum());
    }

    [Fact]
    public void DueSlots_LongDowntime_RecordsAtMostFiftyOlderSlots()
    {
        var since = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var (latest, older, missed) = BriefingScheduler.DueSlots(ScheduleParser.Parse("cron \"*/5 * * * *\""), since, since.AddDays(2));

        Assert.Equal(since.AddDays(2), latest);
        Assert.Equal(2 * 288 - 1, missed);
        Assert.Equal(BriefingScheduler.MaxSupersededRecorded, older.Count);
        Assert.Equal(since.AddDays(2).AddMinutes(-5), older[^1]);
    }
}
