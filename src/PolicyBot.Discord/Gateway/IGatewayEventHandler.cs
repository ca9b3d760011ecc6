using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Gateway;

/// <summary>
/// Receives the gateway events PolicyBot uses. Calls run on background workers, never on the receive loop, so a slow
/// handler does not stop heartbeats; several calls may run at once and in no guaranteed order. Exceptions are logged
/// and swallowed. The token is cancelled when the gateway client stops.
/// </summary>
public interface IGatewayEventHandler
{
    /// <summary>READY: a new session was opened (not called on RESUMED).</summary>
    Task OnReadyAsync(ReadyData ready, CancellationToken cancellationToken);

    /// <summary>MESSAGE_CREATE, including the bot's own messages; filter on <c>author.id</c>.</summary>
    Task OnMessageCreateAsync(DiscordMessage message, CancellationToken cancellationToken);

    /// <summary>INTERACTION_CREATE: answer it over REST (interaction callback) within 3 seconds.</summary>
    Task OnInteractionCreateAsync(Interaction interaction, CancellationToken cancellationToken);
}
