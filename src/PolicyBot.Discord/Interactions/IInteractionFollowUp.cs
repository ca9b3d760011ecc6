using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Interactions;

/// <summary>
/// Delivers a late answer after a deferred response. The integrator implements it with the REST client:
/// <c>PATCH /webhooks/{interaction.ApplicationId}/{interaction.Token}/messages/@original</c> (no bot token needed).
/// </summary>
public interface IInteractionFollowUp
{
    Task EditOriginalAsync(Interaction interaction, MessagePayload payload, CancellationToken cancellationToken);
}
