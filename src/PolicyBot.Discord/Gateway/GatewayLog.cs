using Microsoft.Extensions.Logging;

namespace PolicyBot.Discord.Gateway;

// Event ids 450-499: Discord gateway. Never log the token; message text stays out of logs.
internal static partial class GatewayLog
{
    [LoggerMessage(450, LogLevel.Information, "Connecting to the Discord gateway {Url} ({Mode})")]
    public static partial void Connecting(this ILogger logger, string url, string mode);

    [LoggerMessage(451, LogLevel.Debug, "Gateway HELLO: heartbeat every {HeartbeatIntervalMs} ms")]
    public static partial void Hello(this ILogger logger, int heartbeatIntervalMs);

    [LoggerMessage(452, LogLevel.Information, "Identifying with intents {Intents} as shard {ShardId}/{ShardCount}")]
    public static partial void Identifying(this ILogger logger, int intents, int shardId, int shardCount);

    [LoggerMessage(453, LogLevel.Information, "Resuming gateway session {SessionId} at sequence {Sequence}")]
    public static partial void Resuming(this ILogger logger, string sessionId, int sequence);

    [LoggerMessage(454, LogLevel.Information, "Gateway READY: session {SessionId}, bot user {BotUserId}")]
    public static partial void Ready(this ILogger logger, string sessionId, string? botUserId);

    [LoggerMessage(455, LogLevel.Information, "Gateway session {SessionId} resumed at sequence {Sequence}")]
    public static partial void Resumed(this ILogger logger, string? sessionId, int? sequence);

    [LoggerMessage(456, LogLevel.Warning, "Discord closed the gateway connection with {CloseCode} ({Description})")]
    public static partial void ClosedByServer(this ILogger logger, int? closeCode, string? description);

    [LoggerMessage(457, LogLevel.Information, "Discord asked for a reconnect (op 7); closing with {CloseCode} to resume")]
    public static partial void ReconnectRequested(this ILogger logger, int closeCode);

    [LoggerMessage(458, LogLevel.Warning, "Discord invalidated the gateway session (op 9, resumable: {Resumable})")]
    public static partial void InvalidSession(this ILogger logger, bool resumable);

    [LoggerMessage(459, LogLevel.Warning, "No HEARTBEAT_ACK since the last heartbeat: zombied connection, closing with {CloseCode} to resume")]
    public static partial void Zombied(this ILogger logger, int closeCode);

    [LoggerMessage(460, LogLevel.Information, "Gateway reconnect ({Reason}): {Action} in {DelayMs} ms")]
    public static partial void Reconnecting(this ILogger logger, string reason, string action, long delayMs);

    [LoggerMessage(461, LogLevel.Warning, "Gateway connection failed or dropped (failure {Failures} in a row)")]
    public static partial void ConnectionFailed(this ILogger logger, Exception exception, int failures);

    [LoggerMessage(462, LogLevel.Critical, "Discord gateway stopped for good (close code {CloseCode}): {Problem}")]
    public static partial void Fatal(this ILogger logger, int? closeCode, string problem);

    [LoggerMessage(463, LogLevel.Error, "Gateway event handler failed for {EventName}")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception, string eventName);

    [LoggerMessage(464, LogLevel.Warning, "Gateway event queue is full ({Capacity}); dropped {EventName}")]
    public static partial void DispatchDropped(this ILogger logger, string eventName, int capacity);

    [LoggerMessage(465, LogLevel.Warning, "Ignored a malformed gateway payload (op {Op}, event {EventName})")]
    public static partial void MalformedPayload(this ILogger logger, Exception exception, int? op, string? eventName);

    [LoggerMessage(466, LogLevel.Debug, "Heartbeat sent with sequence {Sequence}")]
    public static partial void HeartbeatSent(this ILogger logger, int? sequence);

    [LoggerMessage(467, LogLevel.Warning, "Gateway send waited {WaitedMs} ms for the 120-per-minute send limit")]
    public static partial void SendThrottled(this ILogger logger, long waitedMs);

    [LoggerMessage(468, LogLevel.Warning, "Heartbeat loop failed; dropping the connection")]
    public static partial void HeartbeatFailed(this ILogger logger, Exception exception);

    [LoggerMessage(469, LogLevel.Debug, "Gateway connection closed by the client ({Reason}); the close handshake did not complete")]
    public static partial void CloseIncomplete(this ILogger logger, Exception exception, string reason);

    [LoggerMessage(480, LogLevel.Information, "Discord gateway disabled: Discord:Token is not set")]
    public static partial void GatewayDisabled(this ILogger logger);

    [LoggerMessage(481, LogLevel.Warning, "Discord gateway service stopped after close code {CloseCode} (see the critical entry above); the rest of the host keeps running")]
    public static partial void GatewayStoppedFatal(this ILogger logger, int? closeCode);

    [LoggerMessage(482, LogLevel.Error, "Discord gateway crashed; the rest of the host keeps running")]
    public static partial void GatewayCrashed(this ILogger logger, Exception exception);
}
