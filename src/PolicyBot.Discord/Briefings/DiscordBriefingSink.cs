using Microsoft.Extensions.Logging;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Composition;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord.Briefings;

/// <summary>
/// Posts a briefing to a Discord channel: <c>POST /channels/{channel_id}/messages</c> with the rendered embeds,
/// <c>nonce</c> = the delivery id (see <see cref="DiscordBriefingNonce"/>) and <c>enforce_nonce: true</c>; a briefing too long
/// for one message continues in further messages, in order, each with its own nonce derived from the delivery id. A retry of
/// the same delivery (after a crash between sending and recording) sends the same nonces, and Discord returns the messages it
/// already created instead of posting them again. Discord only remembers nonces for a few minutes, so a retry must come soon:
/// keep the scheduler's claim lease short. An empty briefing is not posted when the subscription skips empty briefings.
/// </summary>
/// <remarks>
/// <see cref="DiscordRestClient"/> is a typed HttpClient client (transient): register this sink as transient too, or resolve it
/// per run, so it does not hold one HttpClient for the life of the process.
/// </remarks>
public sealed class DiscordBriefingSink(DiscordRestClient rest, ILogger<DiscordBriefingSink> logger) : IBriefingSink
{
    public const string PlatformName = "discord";

    public string Platform => PlatformName;

    public async Task DeliverAsync(BriefingSubscription subscription, Briefing briefing, string deliveryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryId);
        if (!string.Equals(subscription.Platform, PlatformName, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Subscription {subscription.Id} is for {subscription.Platform}, not Discord.", nameof(subscription));
        if (!BriefingDelivery.ShouldPost(subscription, briefing))
        {
            logger.BriefingSkipped(deliveryId, subscription.Id);
            return;
        }

        var messages = DiscordBriefingRenderer.Render(briefing, subscription, deliveryId);
        for (var part = 1; part <= messages.Count; part++)
        {
            var payload = messages[part - 1] with { Nonce = DiscordBriefingNonce.For(deliveryId, part), EnforceNonce = true };
            var message = await rest.CreateMessageAsync(subscription.ChannelId, payload, cancellationToken);
            logger.BriefingPosted(deliveryId, part, messages.Count, subscription.Id, subscription.ChannelId, message.Id);
        }
    }
}
