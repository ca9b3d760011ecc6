using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Scheduling;
using PolicyBot.Core.State;
using PolicyBot.Core.Tests.Scheduling.Fakes;

namespace PolicyBot.Core.Tests.Scheduling.Simulation;

/// <summary>
/// A bot that keeps dying: the scheduler runs every simulated minute over durable (in-memory) stores and a Discord channel that
/// honours nonces; at each crash point the process may die, and it restarts 1–4 minutes later under a new instance id.
/// Subscriptions span three time zones and both 2026 DST changes in March (US on the 8th, EU on the 29th).
/// </summary>
public static class CrashSimulation
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static readonly (string Id, string Schedule)[] Plan =
    [
        ("hourly-berlin", "cron \"0 * * * *\" Europe/Berlin"),
        ("daily-0230-berlin", "daily 02:30 Europe/Berlin"),                  // in the spring-forward gap on 29 March
        ("office-hours-ny", "cron \"30 9-17 * * mon-fri\" America/New_York"),
        ("weekly-sunday-berlin", "weekly sunday 02:30 Europe/Berlin"),
    ];

    public static async Task<SimulationReport> RunAsync(int slotCount, int seed, double crashProbability, double failureProbability)
    {
        var wall = Stopwatch.StartNew();
        var random = new Random(seed);
        var time = new FakeTimeProvider(Start);
        var subscriptions = new InMemorySubscriptionStore();
        var deliveries = new InMemoryDeliveryLog(time);
        var composer = new FakeBriefingComposer();
        var transient = 0;
        var channel = new NonceDedupingSink(time)
        {
            FailBeforePost = (_, _) => random.NextDouble() < failureProbability ? new HttpRequestException($"503 ({++transient})") : null,
        };
        foreach (var (id, schedule) in Plan)
            await subscriptions.AddAsync(Subscriptions.Create(id, schedule, Start), CancellationToken.None);

        var expected = Plan
            .SelectMany(p => ScheduleCalculator.SlotsBetween(ScheduleParser.Parse(p.Schedule), Start, Start.AddDays(90)).Select(slot => (p.Id, Slot: slot)))
            .OrderBy(s => s.Slot).Take(slotCount).ToList();
        var end = expected[^1].Slot + TimeSpan.FromMinutes(30);

        var crashes = new Dictionary<string, int>();
        var restarts = 0;
        var ticks = 0;
        SimulatedProcess process = null!;
        BriefingScheduler scheduler = null!;
        void Boot()
        {
            process = new SimulatedProcess($"pid-{restarts}", random, crashProbability, crashes);
            scheduler = new BriefingScheduler(new MortalSubscriptionStore(subscriptions, process), new MortalDeliveryLog(deliveries, process),
                new MortalComposer(composer, process), [new MortalSink(channel, process)],
                Options.Create(new BriefingSchedulerOptions { InstanceId = process.InstanceId, Lease = Lease }), NullLogger<BriefingScheduler>.Instance);
        }
        Boot();
        DateTimeOffset? restartAt = null;
        while (time.GetUtcNow() < end)
        {
            time.Advance(Tick);
            ticks++;
            var now = time.GetUtcNow();
            if (restartAt is { } at)
            {
                if (now < at) continue;
                restarts++;
                restartAt = null;
                Boot();
            }
            await scheduler.RunOnceAsync(now, CancellationToken.None);
            if (process.Dead) restartAt = now + TimeSpan.FromMinutes(random.Next(1, 5));
        }

        var perSlot = expected.Select(s => channel.Messages.Values.Count(m => m.SubscriptionId == s.Id && m.Briefing.Until == s.Slot)).ToList();
        var records = new List<DeliveryRecord>();
        foreach (var (id, _) in Plan) records.AddRange(await deliveries.ListAsync(id, CancellationToken.None));
        var lateness = expected.Select(s => channel.Messages.TryGetValue(DeliveryIds.For(s.Id, s.Slot), out var m) ? m.PostedAt - s.Slot : TimeSpan.MaxValue).Max();
        return new SimulationReport(expected.Count, channel.Messages.Count(m => m.Value.Briefing.Until <= expected[^1].Slot), perSlot.Min(), perSlot.Max(),
            channel.Calls.Values.Sum(), channel.NonceDuplicatesSuppressed, transient, crashes, restarts, records.Count(r => r.Attempts > 1),
            records.Count(r => r.Skipped), lateness, ticks, end - Start, wall.Elapsed);
    }
}
