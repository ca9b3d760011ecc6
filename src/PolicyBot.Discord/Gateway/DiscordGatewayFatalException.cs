namespace PolicyBot.Discord.Gateway;

/// <summary>
/// The gateway cannot work with the current configuration (bad token, shard or intents, or a close code Discord says
/// must not be retried). Reconnecting would not help, so the client stops.
/// </summary>
public sealed class DiscordGatewayFatalException : Exception
{
    public DiscordGatewayFatalException(int? closeCode, string message) : base(message) => CloseCode = closeCode;

    /// <summary>The WebSocket close code Discord sent, or null when the problem was found before connecting.</summary>
    public int? CloseCode { get; }
}
