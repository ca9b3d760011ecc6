using PolicyBot.Core.Briefings.Commands;

namespace PolicyBot.Core.Tests.Briefings;

public sealed class BriefingCommandParserTests
{
    private static BriefCommand Parse(string text)
    {
        Assert.True(BriefingCommandParser.TryParse(text, out var command), text);
        return command;
    }

    [Theory]
    [InlineData("brief now")]
    [InlineData("/brief now")]
    [InlineData("!Brief NOW")]
    [InlineData("  briefing now  ")]
    public void TryParse_NowWithoutFilters_IsNow(string text)
    {
        var now = Assert.IsType<BriefCommand.Now>(Parse(text));
        Assert.Equal((0, 0, (DateOnly?)null), (now.Jurisdictions.Count, now.Materials.Count, now.Since));
    }

    [Fact]
    public void TryParse_NowWithRepeatedAndQuotedFilters_CollectsThem()
    {
        var now = Assert.IsType<BriefCommand.Now>(Parse("brief now --jurisdiction China -j \"United States\" --material=graphite -m “rare earths” --since 2025-10-01"));

        Assert.Equal(["China", "United States"], now.Jurisdictions);
        Assert.Equal(["graphite", "rare earths"], now.Materials);
        Assert.Equal(new DateOnly(2025, 10, 1), now.Since);
    }

    [Theory]
    [InlineData("brief subscribe daily 08:00 Europe/Berlin", "daily 08:00 Europe/Berlin")]
    [InlineData("brief subscribe weekly monday 09:30 UTC --skip-empty", "weekly monday 09:30 UTC")]
    [InlineData("brief subscribe cron \"0 7 * * 1-5\" Asia/Shanghai --material graphite", "cron \"0 7 * * 1-5\" Asia/Shanghai")]
    [InlineData("brief subscribe   cron  “0 7 * * 1-5”   Asia/Shanghai", "cron  “0 7 * * 1-5”   Asia/Shanghai")]
    public void TryParse_Subscribe_PassesTheScheduleTextVerbatim(string text, string schedule) =>
        Assert.Equal(schedule, Assert.IsType<BriefCommand.Subscribe>(Parse(text)).Schedule);

    [Fact]
    public void TryParse_SubscribeWithFilters_ReadsFiltersAndSkipEmpty()
    {
        var subscribe = Assert.IsType<BriefCommand.Subscribe>(Parse("brief subscribe daily 08:00 UTC --jurisdiction China --jurisdiction china --material graphite --skip-empty"));

        Assert.Equal(["China"], subscribe.Jurisdictions);
        Assert.Equal(["graphite"], subscribe.Materials);
        Assert.True(subscribe.SkipEmpty);
    }

    [Theory]
    [InlineData("brief list", typeof(BriefCommand.List))]
    [InlineData("brief", typeof(BriefCommand.Help))]
    [InlineData("brief help", typeof(BriefCommand.Help))]
    [InlineData("brief unsubscribe bk3x9q2a", typeof(BriefCommand.Unsubscribe))]
    [InlineData("brief unsubscribe", typeof(BriefCommand.Invalid))]
    [InlineData("brief subscribe", typeof(BriefCommand.Invalid))]
    [InlineData("brief subscribe --material graphite", typeof(BriefCommand.Invalid))]
    [InlineData("brief now --colour red", typeof(BriefCommand.Invalid))]
    [InlineData("brief now China", typeof(BriefCommand.Invalid))]
    [InlineData("brief now --jurisdiction", typeof(BriefCommand.Invalid))]
    [InlineData("brief now --since yesterday", typeof(BriefCommand.Invalid))]
    [InlineData("brief now --skip-empty", typeof(BriefCommand.Invalid))]
    [InlineData("brief list everything", typeof(BriefCommand.Invalid))]
    [InlineData("/brief me", typeof(BriefCommand.Invalid))]
    public void TryParse_Variants_GiveTheExpectedCommand(string text, Type expected) =>
        Assert.IsType(expected, Parse(text));

    [Fact]
    public void TryParse_Unsubscribe_KeepsTheId() =>
        Assert.Equal("bk3x9q2a", Assert.IsType<BriefCommand.Unsubscribe>(Parse("brief unsubscribe bk3x9q2a")).Id);

    [Theory]
    [InlineData("brief me on China's graphite export controls")]
    [InlineData("briefly, what does the CRMA require?")]
    [InlineData("What is a brief?")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_QuestionsAndOtherText_AreNotBriefCommands(string? text) =>
        Assert.False(BriefingCommandParser.IsBriefCommand(text));
}
