using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Gateway;

public sealed partial class DiscordGatewayClient
{
    /// <summary>One connection from connect to close; returns what to do next, or throws when the socket fails.</summary>
    private async Task<GatewayDisconnect> RunConnectionAsync(DiscordOptions config, Uri uri, bool resume, GatewayDispatcher dispatcher,
        CancellationToken cancellationToken)
    {
        await using var connection = await GatewayConnection.ConnectAsync(uri, _settings, logger, cancellationToken);
        try
        {
            while (await connection.ReceiveAsync() is { } frame)
            {
                if (Parse(frame) is { } payload) await HandleAsync(connection, payload, config, resume, dispatcher);
            }
        }
        catch (Exception) when (connection.RequestedDisconnect is not null)
        {
            // We were closing anyway: Discord dropped the socket or did not answer our close in time.
        }
        finally
        {
            _isConnected = false;
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (connection.RequestedDisconnect is { } requested) return requested;

        var code = (int?)connection.CloseStatus;
        logger.ClosedByServer(code, connection.CloseStatusDescription);
        await connection.AcknowledgeCloseAsync();
        return GatewayCloseCodes.Classify(code, connection.CloseStatusDescription);
    }

    private GatewayPayload? Parse(ReadOnlyMemory<byte> frame)
    {
        try
        {
            return JsonSerializer.Deserialize<GatewayPayload>(frame.Span, DiscordJson.Options);
        }
        catch (JsonException ex)
        {
            logger.MalformedPayload(ex, null, null);
            return null;
        }
    }

    private async Task HandleAsync(GatewayConnection connection, GatewayPayload payload, DiscordOptions config, bool resume,
        GatewayDispatcher dispatcher)
    {
        try
        {
            switch (payload.Op)
            {
                case GatewayOpcode.Hello:
                    await OnHelloAsync(connection, DiscordJson.Deserialize<HelloData>(payload.D ?? default), config, resume);
                    break;
                case GatewayOpcode.HeartbeatAck:
                    connection.OnHeartbeatAck();
                    break;
                case GatewayOpcode.Heartbeat:
                    await connection.SendHeartbeatAsync(LastSequence);
                    break;
                case GatewayOpcode.Dispatch:
                    OnDispatch(payload, dispatcher);
                    break;
                case GatewayOpcode.Reconnect:
                    logger.ReconnectRequested(GatewayCloseCodes.ClientResumable);
                    connection.RequestClose((WebSocketCloseStatus)GatewayCloseCodes.ClientResumable, "reconnect requested",
                        GatewayDisconnect.Resume("Discord asked for a reconnect (op 7)", ReconnectDelay.None));
                    break;
                case GatewayOpcode.InvalidSession:
                    OnInvalidSession(connection, resumable: payload.D is { ValueKind: JsonValueKind.True });
                    break;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Bad data in one frame (a JsonElement of the wrong kind throws InvalidOperationException); keep the connection.
            logger.MalformedPayload(ex, payload.Op, payload.T);
        }
    }

    private async Task OnHelloAsync(GatewayConnection connection, HelloData hello, DiscordOptions config, bool resume)
    {
        logger.Hello(hello.HeartbeatInterval);
        connection.StartHeartbeat(TimeSpan.FromMilliseconds(hello.HeartbeatInterval), () => LastSequence);
        var (sessionId, sequence) = (SessionId, LastSequence ?? 0);
        if (resume && sessionId is not null)
        {
            logger.Resuming(sessionId, sequence);
            await connection.SendAsync(new GatewayCommand<ResumeCommand>(GatewayOpcode.Resume, new ResumeCommand(config.Token!, sessionId, sequence)));
            return;
        }
        var intents = (int)GatewayIntents.PolicyBot;
        logger.Identifying(intents, config.ShardId, config.ShardCount);
        var identify = new IdentifyCommand(config.Token!, intents, IdentifyProperties.PolicyBot, [config.ShardId, config.ShardCount]);
        await connection.SendAsync(new GatewayCommand<IdentifyCommand>(GatewayOpcode.Identify, identify));
    }

    private void OnInvalidSession(GatewayConnection connection, bool resumable)
    {
        logger.InvalidSession(resumable);
        if (resumable)
            connection.RequestClose((WebSocketCloseStatus)GatewayCloseCodes.ClientResumable, "invalid session, resuming",
                GatewayDisconnect.Resume("invalid session (resumable)", ReconnectDelay.InvalidSession));
        else
            connection.RequestClose(WebSocketCloseStatus.NormalClosure, "invalid session",
                GatewayDisconnect.StartOver("invalid session (not resumable)", ReconnectDelay.InvalidSession));
    }
}
