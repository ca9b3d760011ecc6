using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Commands;

namespace PolicyBot.Core.Tests.Briefings;

public sealed class BriefingCommandsTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly InMemorySubscriptionStore _store = new();
    private readonly SimpleScheduleParser _schedules = new();
    private readonly RecordingComposer _composer = new();
    private int _ids;

    private BriefingCommands Commands() =>
        new(_composer, _store, _schedules, new FakeTimeProvider(Now), NullLogger<BriefingCommands>.Instance, () => $"b{++_ids}");

    private static BriefingCommandContext Manager(string channel = "chan-1", string platform = "discord") => new(platform, channel, "u-admin", CanManage: true);
    private static BriefingCommandContext Member(string channel = "chan-1", string platform = "discord") => new(platform, channel, "u-member", CanManage: false);

    private async Task<BriefingCommandResult> RunAsync(BriefingCommandContext context, string text) =>
        await Commands().TryHandleAsync(context, text, default) ?? throw new Xunit.Sdk.XunitException($"not a brief command: {text}");

    [Fact]
    public async Task Subscribe_WithPermission_StoresTheParsedScheduleAndFilters()
    {
        var result = await RunAsync(Manager(), "brief subscribe weekly monday 09:30 Europe/Berlin --jurisdiction China --material graphite --skip-empty");

        Assert.Equal(BriefingCommandOutcome.Done, result.Outcome);
        var stored = Assert.Single(_store.All);
        Assert.Equal(("b1", "discord", "chan-1", "u-admin", Now, true), (stored.Id, stored.Platform, stored.ChannelId, stored.CreatedBy, stored.CreatedAt, stored.SkipWhenEmpty));
        Assert.Equal(new BriefingSchedule(ScheduleKind.Weekly, new TimeOnly(9, 30), DayOfWeek.Monday, null, "Europe/Berlin"), stored.Schedule);
        Assert.Equal(["China"], stored.Jurisdictions);
        Assert.Equal(["graphite"], stored.Materials);
        Assert.Null(stored.LastBriefingAt);
        Assert.Contains("weekly on Monday at 09:30 (Europe/Berlin)", result.Text);
        Assert.Contains("`b1`", result.Text);
        Assert.Same(stored, result.Subscription);
    }

    [Fact]
    public async Task Subscribe_CronSchedule_ParserGetsTheQuotedTextAsWritten()
    {
        await RunAsync(Manager(), "brief subscribe cron \"0 7 * * 1-5\" Asia/Shanghai");

        Assert.Equal(["cron \"0 7 * * 1-5\" Asia/Shanghai"], _schedules.Seen);
        Assert.Equal(new BriefingSchedule(ScheduleKind.Cron, null, null, "0 7 * * 1-5", "Asia/Shanghai"), Assert.Single(_store.All).Schedule);
    }

    [Fact]
    public async Task Subscribe_WithoutPermission_IsRefusedPolitelyAndStoresNothing()
    {
        var discord = await RunAsync(Member(), "brief subscribe daily 08:00 UTC");
        var teams = await RunAsync(Member(platform: "teams"), "brief subscribe daily 08:00 UTC");

        Assert.Equal((BriefingCommandOutcome.Refused, BriefingCommandOutcome.Refused), (discord.Outcome, teams.Outcome));
        Assert.StartsWith("Sorry, only members with the Manage Channel permission can set up briefings", discord.Text);
        Assert.Contains("team owners", teams.Text);
        Assert.Empty(_store.All);
        Assert.Empty(_schedules.Seen);
    }

    [Fact]
    public async Task Subscribe_UnreadableSchedule_ExplainsWithExamples()
    {
        var result = await RunAsync(Manager(), "brief subscribe every tuesday");

        Assert.Equal(BriefingCommandOutcome.Invalid, result.Outcome);
        Assert.StartsWith("I couldn't read the schedule \"every tuesday\": expected daily, weekly or cron", result.Text);
        Assert.Contains("daily 08:00 Europe/Berlin", result.Text);
        Assert.Empty(_store.All);
    }

    [Fact]
    public async Task Subscribe_SameSubscriptionTwice_KeepsOne()
    {
        await RunAsync(Manager(), "brief subscribe daily 08:00 UTC --material graphite");
        var again = await RunAsync(Manager(), "brief subscribe daily 08:00 UTC --material Graphite");

        Assert.Single(_store.All);
        Assert.StartsWith("This channel already has that briefing: `b1`", again.Text);
    }

    [Fact]
    public async Task Unsubscribe_WithoutPermission_IsRefusedAndKeepsTheSubscription()
    {
        await RunAsync(Manager(), "brief subscribe daily 08:00 UTC");

        var result = await RunAsync(Member(), "brief unsubscribe b1");

        Assert.Equal(BriefingCommandOutcome.Refused, result.Outcome);
        Assert.Contains("can stop briefings", result.Text);
        Assert.Single(_store.All);
    }

    [Fact]
    public async Task Unsubscribe_WithPermission_RemovesOnlyThisChannelsSubscription()
    {
        await RunAsync(Manager("chan-1"), "brief subscribe daily 08:00 UTC");
        await RunAsync(Manager("chan-2"), "brief subscribe daily 09:00 UTC");

        var otherChannel = await RunAsync(Manager("chan-1"), "brief unsubscribe b2");
        var own = await RunAsync(Manager("chan-1"), "brief unsubscribe B1");

        Assert.Equal(BriefingCommandOutcome.NotFound, otherChannel.Outcome);
        Assert.Equal(BriefingCommandOutcome.Done, own.Outcome);
        Assert.StartsWith("Stopped briefing `b1` (daily at 08:00 (UTC)", own.Text);
        Assert.Equal(["b2"], _store.All.Select(s => s.Id));
    }

    [Fact]
    public async Task List_ShowsThisChannelsSubscriptionsToAnyone()
    {
        await RunAsync(Manager("chan-1"), "brief subscribe daily 08:00 Europe/Berlin --jurisdiction China --skip-empty");
        await RunAsync(Manager("chan-1", platform: "teams"), "brief subscribe daily 08:00 UTC");
        await RunAsync(Manager("chan-2"), "brief subscribe daily 09:00 UTC");

        var result = await RunAsync(Member("chan-1"), "brief list");

        Assert.Equal(["b1"], result.Subscriptions.Select(s => s.Id));
        Assert.Equal("Briefing subscriptions in this channel:\n`b1` · daily at 08:00 (Europe/Berlin) · China · skips empty briefings", result.Text);
    }

    [Fact]
    public async Task List_Empty_SaysHowToStart()
    {
        var result = await RunAsync(Member(), "brief list");

        Assert.Contains("No briefing subscriptions in this channel", result.Text);
    }

    [Fact]
    public async Task Now_AnyMember_ComposesForTheLastSevenDaysWithTheFilters()
    {
        var result = await RunAsync(Member(), "brief now --jurisdiction China");

        Assert.Equal(BriefingCommandOutcome.Done, result.Outcome);
        var (subscription, since, until) = Assert.Single(_composer.Calls);
        Assert.Equal((Now.AddDays(-7), Now), (since, until));
        Assert.Equal(["China"], subscription.Jurisdictions);
        Assert.Equal(("chan-1", "discord"), (subscription.ChannelId, subscription.Platform));
        Assert.NotNull(result.Briefing);
        Assert.Contains("No changes since 25 October 2025.", result.Text);
    }

    [Fact]
    public async Task Now_AfterAnEarlierBriefingInTheChannel_StartsWhereItEnded()
    {
        await RunAsync(Manager(), "brief subscribe daily 08:00 UTC");
        await _store.SetLastBriefingAsync("b1", Now.AddDays(-1), default);

        await RunAsync(Member(), "brief now");
        await RunAsync(Member(), "brief now --since 2025-10-01");

        Assert.Equal([Now.AddDays(-1), new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero)], _composer.Calls.Select(c => c.Since));
    }

    [Fact]
    public async Task Invalid_ExplainsAndShowsUsage()
    {
        var result = await RunAsync(Member(), "brief now --colour red");

        Assert.Equal(BriefingCommandOutcome.Invalid, result.Outcome);
        Assert.StartsWith("Unknown option `--colour`.", result.Text);
        Assert.Contains("brief subscribe <schedule>", result.Text);
    }

    [Fact]
    public async Task TryHandleAsync_Question_IsLeftAlone() =>
        Assert.Null(await Commands().TryHandleAsync(Member(), "brief me on the graphite rules", default));

    private sealed class RecordingComposer : IBriefingComposer
    {
        public List<(BriefingSubscription Subscription, DateTimeOffset Since, DateTimeOffset Until)> Calls { get; } = [];

        public Task<Briefing> ComposeAsync(BriefingSubscription subscription, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
        {
            Calls.Add((subscription, since, until));
            return Task.FromResult(new Briefing(since, until, []));
        }
    }
}
