using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Scheduling;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Tests.State.Contracts;

/// <summary>What every <see cref="ISubscriptionStore"/> must do.</summary>
public abstract class SubscriptionStoreContractTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract ISubscriptionStore Store { get; }

    protected abstract ISubscriptionStore Reopen();

    private static BriefingSubscription Subscription(string id, string schedule, string platform = "discord", string channel = "c1",
        IReadOnlyList<string>? jurisdictions = null, IReadOnlyList<string>? materials = null, bool skip = false, DateTimeOffset? last = null, int minutes = 0) =>
        new(id, platform, channel, ScheduleParser.Parse(schedule), jurisdictions ?? [], materials ?? [], skip, "user-" + id, Created.AddMinutes(minutes), last);

    [StoreFact]
    public async Task AddAsync_ThenList_RoundTripsEveryField()
    {
        BriefingSubscription[] added =
        [
            Subscription("d", "daily 08:00 Europe/Berlin", jurisdictions: ["China", "United States"], materials: ["graphite"], skip: true),
            Subscription("w", "weekly monday 09:30 America/New_York", platform: "teams", channel: "19:abc@thread.tacv2", last: Created.AddDays(1), minutes: 1),
            Subscription("c", "cron \"0 7 * * 1-5\" Asia/Shanghai", materials: ["lithium", "cobalt"], minutes: 2),
        ];
        foreach (var s in added) await Store.AddAsync(s, None);

        var listed = await Store.ListAsync(null, null, None);

        Assert.Equal(added.Select(Describe), listed.Select(Describe));
    }

    [StoreFact]
    public async Task ListAsync_FiltersByPlatformAndChannel()
    {
        await Store.AddAsync(Subscription("1", "daily 08:00", "discord", "c1"), None);
        await Store.AddAsync(Subscription("2", "daily 08:00", "discord", "c2", minutes: 1), None);
        await Store.AddAsync(Subscription("3", "daily 08:00", "teams", "c1", minutes: 2), None);

        Assert.Equal(["1", "2"], (await Store.ListAsync("discord", null, None)).Select(s => s.Id));
        Assert.Equal(["1", "3"], (await Store.ListAsync(null, "c1", None)).Select(s => s.Id));
        Assert.Equal(["3"], (await Store.ListAsync("teams", "c1", None)).Select(s => s.Id));
        Assert.Empty(await Store.ListAsync("teams", "c2", None));
    }

    [StoreFact]
    public async Task AddAsync_ExistingId_Throws()
    {
        await Store.AddAsync(Subscription("1", "daily 08:00"), None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddAsync(Subscription("1", "daily 09:00"), None));
    }

    [StoreFact]
    public async Task RemoveAsync_SaysWhetherItRemovedOne()
    {
        await Store.AddAsync(Subscription("1", "daily 08:00"), None);

        Assert.True(await Store.RemoveAsync("1", None));
        Assert.False(await Store.RemoveAsync("1", None));
        Assert.Empty(await Store.ListAsync(null, null, None));
    }

    [StoreFact]
    public async Task SetLastBriefingAsync_OnlyMovesForward()
    {
        await Store.AddAsync(Subscription("1", "daily 08:00"), None);

        await Store.SetLastBriefingAsync("1", Created.AddDays(2), None);
        await Store.SetLastBriefingAsync("1", Created.AddDays(1), None);
        await Store.SetLastBriefingAsync("missing", Created, None);

        Assert.Equal(Created.AddDays(2), Assert.Single(await Store.ListAsync(null, null, None)).LastBriefingAt);
    }

    [StoreFact]
    public async Task Subscriptions_SurviveAReopen()
    {
        await Store.AddAsync(Subscription("1", "weekly friday 17:00 Europe/Berlin", materials: ["graphite"]), None);
        await Store.SetLastBriefingAsync("1", Created.AddDays(1), None);

        var listed = await Reopen().ListAsync(null, null, None);

        Assert.Equal(Describe(Subscription("1", "weekly friday 17:00 Europe/Berlin", materials: ["graphite"], last: Created.AddDays(1))), Describe(Assert.Single(listed)));
    }

    /// <summary>Records holding lists compare by reference; this compares by content.</summary>
    private static string Describe(BriefingSubscription s) =>
        $"{s.Id}|{s.Platform}|{s.ChannelId}|{s.Schedule}|{string.Join(',', s.Jurisdictions)}|{string.Join(',', s.Materials)}|{s.SkipWhenEmpty}|{s.CreatedBy}|{s.CreatedAt:o}|{s.LastBriefingAt:o}";
}
