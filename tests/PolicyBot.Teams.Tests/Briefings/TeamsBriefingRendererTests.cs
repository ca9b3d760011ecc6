using System.Text.Json;
using PolicyBot.Teams.Briefings;
using PolicyBot.Teams.Connector;

namespace PolicyBot.Teams.Tests.Briefings;

public sealed class TeamsBriefingRendererTests
{
    [Theory]
    [InlineData(10, 500)]
    [InlineData(60, 600)]
    [InlineData(400, 1200)]
    public void Render_AnySize_StaysWithinTheConnectorLimit(int count, int summaryLength)
    {
        var briefing = SampleBriefings.Large(count, summaryLength);

        var activity = TeamsBriefingRenderer.Render(briefing, SampleBriefings.Subscription(), "d-1");

        Assert.InRange(ConnectorLimits.MeasureBytes(activity), 1, ConnectorLimits.MaxActivityBytes);
        var card = activity.Attachments![0].Content!.Value.GetRawText();
        var shown = briefing.Items.Count(i => card.Contains($"**[{i.Citation!.Number}] ", StringComparison.Ordinal));
        Assert.Equal(briefing.Items.Take(shown).Select(i => i.DocumentId),
            briefing.Items.Where(i => card.Contains($"**[{i.Citation!.Number}] ", StringComparison.Ordinal)).Select(i => i.DocumentId));
        if (shown < count) Assert.Contains($"{count - shown} more items did not fit in this message.", activity.Text);
        Assert.EndsWith("Delivery id: d-1", activity.Text);
    }

    [Fact]
    public void Render_SmallLimit_LeavesOutTheLastItemsAndSaysHowMany()
    {
        var briefing = SampleBriefings.Large(30, 400);

        var activity = TeamsBriefingRenderer.Render(briefing, SampleBriefings.Subscription(), "d-1", maxBytes: 40_000);

        Assert.InRange(ConnectorLimits.MeasureBytes(activity), 1, 40_000);
        var body = JsonSerializer.Serialize(activity.Attachments![0].Content);
        Assert.Contains("more items did not fit in this message.", body);
        Assert.Contains("**[1] Title doc-001**", body);
        Assert.DoesNotContain("**[30] ", body);
    }

    [Theory]
    [InlineData(TeamsBriefingManagers.Owners, "owner", true)]
    [InlineData(TeamsBriefingManagers.Owners, "user", false)]
    [InlineData(TeamsBriefingManagers.Members, "user", true)]
    [InlineData(TeamsBriefingManagers.Members, "Owner", true)]
    [InlineData(TeamsBriefingManagers.Members, "guest", false)]
    [InlineData(TeamsBriefingManagers.Members, null, false)]
    public void CanManage_FollowsTheConfiguredRole(TeamsBriefingManagers allowed, string? role, bool expected) =>
        Assert.Equal(expected, TeamsBriefingPermissions.CanManage(allowed, role));

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1700000000000", "19:abc@thread.tacv2")]
    [InlineData("19:abc@thread.tacv2", "19:abc@thread.tacv2")]
    [InlineData("a:1on1", "a:1on1")]
    public void ConversationId_DropsTheThreadPart(string conversationId, string expected) =>
        Assert.Equal(expected, TeamsBriefingChannel.ConversationId(conversationId));
}
