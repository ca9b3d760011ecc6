using Microsoft.Extensions.Logging;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Gateway;

public sealed partial class DiscordGatewayClient
{
    /// <summary>Records <c>s</c>, updates session state, and queues the events the handler takes; others are ignored.</summary>
    private void OnDispatch(GatewayPayload payload, GatewayDispatcher dispatcher)
    {
        if (payload.S is { } sequence)
            lock (_stateLock) _lastSequence = sequence;
        var data = payload.D ?? default;
        switch (payload.T)
        {
            case "READY":
                var ready = DiscordJson.Deserialize<ReadyData>(data);
                lock (_stateLock) (_sessionId, _resumeGatewayUrl, _botUserId) = (ready.SessionId, ready.ResumeGatewayUrl, ready.User?.Id);
                MarkSessionEstablished();
                logger.Ready(ready.SessionId, ready.User?.Id);
                dispatcher.Enqueue(new("READY", (h, ct) => h.OnReadyAsync(ready, ct)));
                break;
            case "RESUMED":
                MarkSessionEstablished();
                logger.Resumed(SessionId, LastSequence);
                break;
            case "MESSAGE_CREATE":
                var message = DiscordJson.Deserialize<DiscordMessage>(data);
                dispatcher.Enqueue(new("MESSAGE_CREATE", (h, ct) => h.OnMessageCreateAsync(message, ct)));
                break;
            case "INTERACTION_CREATE":
                var interaction = DiscordJson.Deserialize<Interaction>(data);
                dispatcher.Enqueue(new("INTERACTION_CREATE", (h, ct) => h.OnInteractionCreateAsync(interaction, ct)));
                break;
        }
    }

    private void MarkSessionEstablished() => (_isConnected, _sessionEstablished) = (true, true);
}
