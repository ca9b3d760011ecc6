using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Connector;

public static class ConnectorClientExtensions
{
    /// <summary>A proactive message to a stored conversation: <c>POST {reference.serviceUrl}/v3/conversations/{reference.conversation.id}/activities</c>.</summary>
    public static Task<ResourceResponse> SendToConversationAsync(this IConnectorClient client, ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(reference);
        if (string.IsNullOrWhiteSpace(reference.ServiceUrl) || string.IsNullOrWhiteSpace(reference.Conversation?.Id))
            throw new ArgumentException("The conversation reference needs serviceUrl and conversation.id.", nameof(reference));
        return client.SendToConversationAsync(reference.ServiceUrl, reference.Conversation.Id, activity, cancellationToken);
    }
}
