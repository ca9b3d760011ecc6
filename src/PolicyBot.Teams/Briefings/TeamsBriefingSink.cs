using Microsoft.Extensions.Logging;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Composition;
using PolicyBot.Teams.Bot;
using PolicyBot.Teams.Connector;

namespace PolicyBot.Teams.Briefings;

/// <summary>
/// Posts a briefing to a Teams conversation as a proactive message: the stored conversation reference (looked up by the
/// subscription's conversation id) gives the serviceUrl, then <c>POST {serviceUrl}/v3/conversations/{id}/activities</c> with
/// the briefing card.
/// </summary>
/// <remarks>
/// Teams has no idempotency key for bot messages, and a bot cannot read a channel's messages back through the Connector to
/// check whether it already posted. So if the process dies after Teams accepted the message but before the delivery was
/// recorded, the retry posts the briefing again: <b>at most one duplicate per slot</b>, only after such a crash. The card shows
/// the delivery id, so readers (and support) can tell the two are the same delivery.
/// </remarks>
public sealed class TeamsBriefingSink(IConnectorClient connector, IConversationReferenceStore conversations, ILogger<TeamsBriefingSink> logger) : IBriefingSink
{
    public const string PlatformName = "teams";

    public string Platform => PlatformName;

    public async Task DeliverAsync(BriefingSubscription subscription, Briefing briefing, string deliveryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryId);
        if (!string.Equals(subscription.Platform, PlatformName, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Subscription {subscription.Id} is for {subscription.Platform}, not Teams.", nameof(subscription));
        if (!BriefingDelivery.ShouldPost(subscription, briefing))
        {
            logger.BriefingSkipped(deliveryId, subscription.Id);
            return;
        }

        var channel = TeamsBriefingChannel.ConversationId(subscription.ChannelId);
        var stored = await conversations.ListAsync(cancellationToken);
        var target = stored.FirstOrDefault(c => c.ConversationId == subscription.ChannelId)
            ?? stored.FirstOrDefault(c => TeamsBriefingChannel.ConversationId(c.ConversationId) == channel)
            ?? throw new BriefingConversationNotFoundException(subscription.ChannelId);

        var activity = TeamsBriefingRenderer.Render(briefing, subscription, deliveryId);
        var response = await connector.SendToConversationAsync(target.ServiceUrl, channel, activity, cancellationToken);
        logger.BriefingPosted(deliveryId, subscription.Id, channel, response.Id);
    }
}
