using PolicyBot.Discord.Gateway;
using PolicyBot.Discord.Interactions;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Commands;

/// <summary>What the bot does with gateway events: remember who it is, answer messages, handle slash commands.</summary>
public sealed class DiscordGatewayEvents(DiscordMessageRouter messages, GatewayInteractionDispatcher interactions) : IGatewayEventHandler
{
    public Task OnReadyAsync(ReadyData ready, CancellationToken cancellationToken)
    {
        messages.BotUserId = ready.User?.Id;
        return Task.CompletedTask;
    }

    public Task OnMessageCreateAsync(DiscordMessage message, CancellationToken cancellationToken) => messages.HandleAsync(message, cancellationToken);

    public Task OnInteractionCreateAsync(Interaction interaction, CancellationToken cancellationToken) =>
        interactions.DispatchAsync(interaction, cancellationToken);
}
