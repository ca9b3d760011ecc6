using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Interactions;

/// <summary>
/// Answers APPLICATION_COMMAND (2), MESSAGE_COMPONENT (3) and MODAL_SUBMIT (5) interactions.
/// Return the full answer (usually type 4 with data; type 7 to update a component's message). If it is not ready within
/// <see cref="DiscordInteractionOptions.ResponseBudget"/>, the dispatcher defers and later edits the original response
/// with the returned <see cref="InteractionResponse.Data"/>; the handler itself never deals with deadlines.
/// </summary>
public interface IInteractionHandler
{
    /// <param name="cancellationToken">Cancelled on shutdown or after <see cref="DiscordInteractionOptions.HandlerTimeout"/>; never by the HTTP request ending.</param>
    Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken);
}
