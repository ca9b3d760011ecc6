using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Teams.Connector;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Briefings;

/// <summary>
/// Decides whether the sender of a Teams message may change the channel's briefing subscriptions, from the sender's roster entry
/// (<c>GET {serviceUrl}/v3/conversations/{conversationId}/members/{userId}</c>, no Graph permission needed):
/// <list type="bullet">
/// <item><c>user</c> (a regular member) may, when <see cref="TeamsOptions.MembersManageBriefings"/> is on (the default);</item>
/// <item><c>guest</c>, <c>anonymous</c>, an unknown role, or a failed lookup may not (fail closed);</item>
/// <item><c>owner</c> may. The Connector roster does not report team ownership today, so with the setting off only members whose
/// role comes back as <c>owner</c> can subscribe — in practice nobody in Teams, and operators subscribe channels instead.
/// Telling owners from members needs Microsoft Graph (<c>roles</c> of the team member), which this bot does not call.</item>
/// </list>
/// The lookup happens only for <c>brief subscribe</c> and <c>brief unsubscribe</c>.
/// </summary>
public sealed class TeamsBriefingAccess(IConnectorClient connector, IOptions<TeamsOptions> options, ILogger<TeamsBriefingAccess> logger)
{
    /// <summary>Whether the text is a command that changes subscriptions (so the roster must be asked).</summary>
    public static bool NeedsCheck(string text)
    {
        var words = text.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && words[0].Equals("brief", StringComparison.OrdinalIgnoreCase)
            && (words[1].Equals("subscribe", StringComparison.OrdinalIgnoreCase) || words[1].Equals("unsubscribe", StringComparison.OrdinalIgnoreCase));
    }

    public async Task<bool> CanManageAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ServiceUrl is not { Length: > 0 } serviceUrl || activity.Conversation?.Id is not { Length: > 0 } conversationId
            || activity.From?.Id is not { Length: > 0 } userId)
            return false;
        var allowed = options.Value.MembersManageBriefings ? TeamsBriefingManagers.Members : TeamsBriefingManagers.Owners;
        try
        {
            var member = await connector.GetConversationMemberAsync(serviceUrl, TeamsBriefingChannel.ConversationId(conversationId), userId, cancellationToken);
            var can = TeamsBriefingPermissions.CanManage(allowed, member.UserRole);
            logger.BriefingAccessChecked(member.UserRole ?? "none", can);
            return can;
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.BriefingAccessLookupFailed(ex);
            return false;
        }
    }
}
