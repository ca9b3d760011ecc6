using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Interactions;

/// <summary>
/// The gateway's entry point for INTERACTION_CREATE: same decisions as the HTTP endpoint, but the initial response is
/// sent through <see cref="IInteractionCallback"/> (REST) instead of an HTTP response.
/// </summary>
public sealed class GatewayInteractionDispatcher(
    InteractionDispatcher dispatcher,
    IInteractionCallback callback,
    IOptions<DiscordOptions> discordOptions,
    ILogger<GatewayInteractionDispatcher> logger)
{
    /// <summary>
    /// Parses the dispatch's <c>d</c> and handles it. Never throws. Completes once the initial callback is sent (up to the
    /// response budget plus one REST call), so do not await it inside the receive loop.
    /// </summary>
    /// <param name="cancellationToken">Use the host's stopping token, not a per-connection token: a reconnect must not drop the response.</param>
    public Task DispatchAsync(JsonElement interactionCreateData, CancellationToken cancellationToken)
    {
        Interaction interaction;
        try
        {
            interaction = InteractionJson.Parse(interactionCreateData, discordOptions.Value.ApplicationId);
        }
        catch (JsonException ex)
        {
            logger.GatewayInteractionMalformed(ex);
            return Task.CompletedTask;
        }
        return DispatchAsync(interaction, cancellationToken);
    }

    /// <inheritdoc cref="DispatchAsync(JsonElement, CancellationToken)"/>
    public async Task DispatchAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        try
        {
            await dispatcher.DispatchAsync(interaction, (response, ct) => callback.RespondAsync(interaction, response, ct), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            logger.InitialResponseFailed(ex, interaction.Id);
        }
    }
}
