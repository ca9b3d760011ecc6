using PolicyBot.Discord.Interactions;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord.Commands;

/// <summary>Sends interaction responses over REST: the callback for gateway interactions, the edit after a deferral.</summary>
public sealed class RestInteractionResponder(DiscordRestClient rest) : IInteractionCallback, IInteractionFollowUp
{
    public Task RespondAsync(Interaction interaction, InteractionResponse response, CancellationToken cancellationToken) =>
        rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken);

    public Task EditOriginalAsync(Interaction interaction, MessagePayload payload, CancellationToken cancellationToken) =>
        rest.EditOriginalInteractionResponseAsync(interaction.ApplicationId, interaction.Token, payload, cancellationToken);
}
