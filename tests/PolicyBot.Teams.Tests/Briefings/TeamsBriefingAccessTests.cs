using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Teams.Briefings;
using PolicyBot.Teams.Models;
using PolicyBot.Teams.Tests.Connector;

namespace PolicyBot.Teams.Tests.Briefings;

/// <summary>
/// The roster check against a loopback Connector answering <c>GET /v3/conversations/{id}/members/{userId}</c> with a
/// TeamsChannelAccount in the documented shape.
/// </summary>
public sealed class TeamsBriefingAccessTests
{
    private const string UserId = "29:1GcS4EyB_member";

    private static Activity Message(string serviceUrl) => new()
    {
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = UserId, Name = "Larry Brown" },
        Conversation = new ConversationAccount { Id = "19:general@thread.tacv2;messageid=1730000000000" },
        Text = "brief subscribe daily 08:00 UTC",
    };

    private static string Member(string role) =>
        $$"""{"id":"{{UserId}}","objectId":"9d3e08f9-a7ae-43aa-a4d3-de3f319a8a9c","givenName":"Larry","surname":"Brown","userPrincipalName":"labrown@fabrikam.com","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","userRole":"{{role}}"}""";

    private static async Task<(bool Allowed, ConnectorHarness Harness)> CheckAsync(bool membersManage, ScriptedResponse roster)
    {
        var harness = await ConnectorHarness.StartAsync(o => o.MembersManageBriefings = membersManage);
        harness.Script(roster);
        var access = new TeamsBriefingAccess(harness.Client, harness.Services.GetRequiredService<IOptions<TeamsOptions>>(), NullLogger<TeamsBriefingAccess>.Instance);
        return (await access.CanManageAsync(Message(harness.ServiceUrl), CancellationToken.None), harness);
    }

    [Theory]
    [InlineData(true, "user", true)]
    [InlineData(true, "guest", false)]
    [InlineData(true, "anonymous", false)]
    [InlineData(false, "user", false)]
    [InlineData(false, "owner", true)]
    public async Task CanManageAsync_FollowsTheRosterRoleAndTheSetting(bool membersManage, string role, bool expected)
    {
        var (allowed, harness) = await CheckAsync(membersManage, new ScriptedResponse(200, Member(role)));
        await using var _ = harness;

        Assert.Equal(expected, allowed);
        var request = Assert.Single(harness.ConnectorRequests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/amer/v3/conversations/19%3Ageneral%40thread.tacv2/members/29%3A1GcS4EyB_member", request.RawTarget);
        Assert.StartsWith("Bearer token-", request.Headers["Authorization"], StringComparison.Ordinal);
        harness.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task CanManageAsync_MemberNotFound_Refuses()
    {
        var (allowed, harness) = await CheckAsync(true, ScriptedResponse.Error(404, "MemberNotFoundInConversation", "The member is not in the conversation."));
        await using var _ = harness;

        Assert.False(allowed);
    }

    [Fact]
    public async Task CanManageAsync_NoRoleInTheAnswer_Refuses()
    {
        var (allowed, harness) = await CheckAsync(true, new ScriptedResponse(200, $$"""{"id":"{{UserId}}"}"""));
        await using var _ = harness;

        Assert.False(allowed);
    }

    [Theory]
    [InlineData("brief subscribe daily 08:00 UTC", true)]
    [InlineData("Brief   Unsubscribe b-1", true)]
    [InlineData("brief list", false)]
    [InlineData("brief now", false)]
    [InlineData("what does brief subscribe do?", false)]
    public void NeedsCheck_OnlyForSubscriptionChanges(string text, bool expected) =>
        Assert.Equal(expected, TeamsBriefingAccess.NeedsCheck(text));
}
