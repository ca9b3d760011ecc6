using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Interactions;

/// <summary>
/// Sends the initial response for interactions that arrive over the gateway (INTERACTION_CREATE), where there is no HTTP
/// response to write to. The integrator implements it with the REST client: <c>POST /interactions/{interaction.Id}/{interaction.Token}/callback</c>.
/// </summary>
public interface IInteractionCallback
{
    Task RespondAsync(Interaction interaction, InteractionResponse response, CancellationToken cancellationToken);
}
