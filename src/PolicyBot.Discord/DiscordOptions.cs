using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Discord;

/// <summary>The <c>Discord</c> configuration section. Secrets (Token) come from user-secrets or the environment only.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>Bot token; the gateway starts only when it is set.</summary>
    public string? Token { get; set; }

    /// <summary>Application (client) id; needed for slash commands and interaction follow-ups.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Hex Ed25519 public key; enables POST /discord/interactions.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Channels where every message is answered (besides mentions and DMs). Empty: mentions and DMs only.</summary>
    public List<string> Channels { get; set; } = [];

    [Range(0, 10_000)] public int ShardId { get; set; }

    [Range(1, 10_000)] public int ShardCount { get; set; } = 1;

    [Required] public string GatewayUrl { get; set; } = "wss://gateway.discord.gg";

    [Required] public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Interaction requests whose timestamp is further than this from now are rejected.</summary>
    [Range(1, 3600)] public int MaxTimestampSkewSeconds { get; set; } = 300;

    public bool GatewayEnabled => !string.IsNullOrWhiteSpace(Token);
    public bool InteractionsEnabled => !string.IsNullOrWhiteSpace(PublicKey);
}
