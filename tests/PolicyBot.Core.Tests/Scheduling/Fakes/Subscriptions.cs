using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Scheduling;

namespace PolicyBot.Core.Tests.Scheduling.Fakes;

public static class Subscriptions
{
    public static BriefingSubscription Create(string id, string schedule, DateTimeOffset createdAt, bool skipWhenEmpty = false, string platform = "discord",
        DateTimeOffset? lastBriefingAt = null) =>
        new(id, platform, "channel-" + id, ScheduleParser.Parse(schedule), ["China"], ["graphite"], skipWhenEmpty, "user-1", createdAt, lastBriefingAt);
}
