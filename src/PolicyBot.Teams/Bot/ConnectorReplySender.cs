using PolicyBot.Teams.Connector;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Bot;

/// <summary>Replies through the Connector to the (already authenticated) activity's serviceUrl and conversation.</summary>
public sealed class ConnectorReplySender(IConnectorClient connector) : ITeamsReplySender
{
    public async Task ReplyAsync(Activity inbound, Activity reply, CancellationToken cancellationToken)
    {
        if (inbound.ServiceUrl is null || inbound.Conversation?.Id is null) return;
        var addressed = inbound.CreateReply() with
        {
            Type = reply.Type,
            Text = reply.Text,
            TextFormat = reply.TextFormat,
            Attachments = reply.Attachments,
            Entities = reply.Entities,
        };
        addressed = ConnectorLimits.TruncateText(addressed);
        if (inbound.Id is { } id)
            await connector.ReplyToActivityAsync(inbound.ServiceUrl, inbound.Conversation.Id, id, addressed, cancellationToken);
        else
            await connector.SendToConversationAsync(inbound.ServiceUrl, inbound.Conversation.Id, addressed, cancellationToken);
    }
}
