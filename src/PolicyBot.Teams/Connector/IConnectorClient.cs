using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Connector;

/// <summary>
/// The Bot Connector v3 REST calls PolicyBot makes. <c>serviceUrl</c> must come from an activity whose token was validated
/// (or from a <see cref="ConversationReference"/> built from one): the bot's token is sent there.
/// </summary>
public interface IConnectorClient
{
    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</c>: a reply in the same thread.</summary>
    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity reply, CancellationToken cancellationToken);

    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities</c>: a new message (e.g. proactive).</summary>
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary><c>PUT {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</c>: edits a message the bot sent.</summary>
    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary><c>POST {serviceUrl}/v3/conversations</c>: starts a conversation (Teams needs the tenant, see <see cref="ConversationParameters.ForPersonalChat"/>).</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);

    /// <summary><c>GET {serviceUrl}/v3/conversations/{conversationId}/members/{userId}</c>: one member of the conversation, with its role.</summary>
    Task<TeamsChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken);
}
