namespace PolicyBot.Discord.Gateway;

internal enum ReconnectDelay
{
    /// <summary>Reconnect at once (RECONNECT, zombied connection, 4007/4009).</summary>
    None,
    /// <summary>Capped exponential backoff (dropped socket, failed connect, other close codes).</summary>
    Backoff,
    /// <summary>A random wait in [MinInvalidSessionDelay, MaxInvalidSessionDelay] (INVALID_SESSION).</summary>
    InvalidSession,
}

/// <summary>Why a connection ended and what to do next.</summary>
internal sealed record GatewayDisconnect(string Reason, int? CloseCode = null)
{
    /// <summary>Stop for good: reconnecting cannot fix this (Reason is the message for the operator).</summary>
    public bool Fatal { get; init; }

    /// <summary>Drop the session and IDENTIFY again; otherwise RESUME when a session exists.</summary>
    public bool NewSession { get; init; }

    public ReconnectDelay Delay { get; init; }

    public static GatewayDisconnect Resume(string reason, ReconnectDelay delay, int? closeCode = null) =>
        new(reason, closeCode) { Delay = delay };

    public static GatewayDisconnect StartOver(string reason, ReconnectDelay delay, int? closeCode = null) =>
        new(reason, closeCode) { NewSession = true, Delay = delay };

    public static GatewayDisconnect Stop(string message, int closeCode) => new(message, closeCode) { Fatal = true };
}
