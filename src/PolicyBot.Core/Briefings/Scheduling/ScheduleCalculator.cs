using System.Collections.Concurrent;

namespace PolicyBot.Core.Briefings.Scheduling;

/// <summary>
/// The instants (UTC) a schedule is due at. Local times are mapped to instants in the schedule's zone:
/// <list type="bullet">
/// <item>a local time that does not exist (spring forward, e.g. 02:30 on the last Sunday of March in Europe/Berlin) is shifted
/// forward by the length of the gap (02:30 → 03:30 CEST), so the slot still happens that day;</item>
/// <item>a local time that happens twice (fall back, 02:30 on the last Sunday of October) is due at its first occurrence
/// (02:30 CEST) only;</item>
/// <item>two local times that land on one instant (a cron slot shifted out of the gap onto another) give one slot.</item>
/// </list>
/// </summary>
public static class ScheduleCalculator
{
    /// <summary>How far <see cref="NextAfter"/> looks: enough for a 29 February that falls on a given weekday.</summary>
    private const int SearchDays = 366 * 8;

    /// <summary>The slots <c>s</c> with <paramref name="after"/> &lt; s ≤ <paramref name="until"/>, ascending.</summary>
    /// <exception cref="FormatException">The schedule's cron expression does not parse.</exception>
    /// <exception cref="TimeZoneNotFoundException">The schedule's time zone is unknown.</exception>
    public static IEnumerable<DateTimeOffset> SlotsBetween(BriefingSchedule schedule, DateTimeOffset after, DateTimeOffset until)
    {
        var plan = Plan.For(schedule);
        if (until <= after) return [];
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(until, plan.Zone).DateTime).AddDays(1);
        return Slots(plan, after, lastDay).TakeWhile(s => s <= until);
    }

    /// <summary>The first slot after <paramref name="after"/>, or null when the schedule never fires (e.g. cron "0 0 30 2 *").</summary>
    public static DateTimeOffset? NextAfter(BriefingSchedule schedule, DateTimeOffset after)
    {
        var plan = Plan.For(schedule);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, plan.Zone).DateTime).AddDays(SearchDays);
        foreach (var slot in Slots(plan, after, lastDay)) return slot;
        return null;
    }

    /// <summary>A local wall-clock time in <paramref name="zone"/> as a UTC instant, by the rules in the class summary.</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            var before = local;
            do before = before.AddMinutes(-15); while (zone.IsInvalidTime(before));
            offset = zone.IsAmbiguousTime(before) ? zone.GetAmbiguousTimeOffsets(before).Max() : zone.GetUtcOffset(before);
        }
        else offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static IEnumerable<DateTimeOffset> Slots(Plan plan, DateTimeOffset after, DateOnly lastDay)
    {
        // From a day early, for zones whose offset changes by up to a day (Samoa, 2011). A local time more than a day before
        // after's local time is an instant before after, since one zone's offsets differ by at most a day: skip it unconverted.
        var localAfter = TimeZoneInfo.ConvertTime(after, plan.Zone).DateTime;
        var floor = localAfter.AddDays(-1);
        var day = DateOnly.FromDateTime(localAfter).AddDays(-1);
        var last = after;
        var instants = new List<DateTimeOffset>();
        for (; day <= lastDay; day = day.AddDays(1))
        {
            instants.Clear();
            foreach (var time in plan.TimesOn(day))
                if (day.ToDateTime(time) is var local && local >= floor) instants.Add(ToInstant(local, plan.Zone));
            instants.Sort();
            foreach (var instant in instants)
            {
                if (instant <= last) continue;
                last = instant;
                yield return instant;
            }
        }
    }

    /// <summary>A schedule resolved once: its zone and which local times each date has.</summary>
    private sealed record Plan(TimeZoneInfo Zone, Func<DateOnly, IReadOnlyList<TimeOnly>> TimesOn)
    {
        private const int CacheLimit = 4096;
        private static readonly ConcurrentDictionary<BriefingSchedule, Plan> _cache = new();

        /// <summary>Cached by value: the scheduler asks for the same few schedules every run.</summary>
        public static Plan For(BriefingSchedule schedule)
        {
            if (_cache.TryGetValue(schedule, out var plan)) return plan;
            plan = Create(schedule);
            if (_cache.Count >= CacheLimit) _cache.Clear();
            _cache.TryAdd(schedule, plan);
            return plan;
        }

        private static Plan Create(BriefingSchedule schedule)
        {
            var zone = TimeZones.Find(schedule.TimeZone);
            switch (schedule.Kind)
            {
                case ScheduleKind.Daily:
                    IReadOnlyList<TimeOnly> daily = [Required(schedule.At, "At")];
                    return new Plan(zone, _ => daily);
                case ScheduleKind.Weekly:
                    IReadOnlyList<TimeOnly> weekly = [Required(schedule.At, "At")];
                    var dayOfWeek = Required(schedule.Day, "Day");
                    return new Plan(zone, d => d.DayOfWeek == dayOfWeek ? weekly : []);
                case ScheduleKind.Cron:
                    var cron = CronExpression.Parse(schedule.Cron ?? "");
                    return new Plan(zone, d => cron.MatchesDate(d) ? cron.TimesOfDay : []);
                default:
                    throw new ArgumentOutOfRangeException(nameof(schedule), schedule.Kind, "Unknown schedule kind.");
            }
        }

        private static T Required<T>(T? value, string name) where T : struct =>
            value ?? throw new FormatException($"A {name} is required for this schedule kind.");
    }
}
