using System.Text.Json;

namespace PolicyBot.Discord.Models;

/// <summary>Every gateway frame: <c>{"op", "d", "s", "t"}</c>.</summary>
public sealed record GatewayPayload
{
    public int Op { get; init; }
    public JsonElement? D { get; init; }
    public int? S { get; init; }
    public string? T { get; init; }
}

public static class GatewayOpcode
{
    public const int Dispatch = 0, Heartbeat = 1, Identify = 2, PresenceUpdate = 3, Resume = 6, Reconnect = 7,
        InvalidSession = 9, Hello = 10, HeartbeatAck = 11;
}

[Flags]
public enum GatewayIntents
{
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,
    MessageContent = 1 << 15,
    PolicyBot = Guilds | GuildMessages | DirectMessages | MessageContent,
}

public sealed record HelloData(int HeartbeatInterval);

public sealed record ReadyData
{
    public int V { get; init; }
    public DiscordUser? User { get; init; }
    public required string SessionId { get; init; }
    public string? ResumeGatewayUrl { get; init; }
    public IReadOnlyList<int>? Shard { get; init; }
}
