namespace PolicyBot.Discord.Models;

/// <summary>A message as Discord sends it (REST responses and MESSAGE_CREATE); only the fields PolicyBot uses.</summary>
public sealed record DiscordMessage
{
    public required string Id { get; init; }
    public required string ChannelId { get; init; }
    public string? GuildId { get; init; }
    public DiscordUser? Author { get; init; }
    public DiscordMember? Member { get; init; }
    public string Content { get; init; } = "";
    public IReadOnlyList<DiscordUser> Mentions { get; init; } = [];
    public MessageReference? MessageReference { get; init; }
    public int Type { get; init; }
    public string? Timestamp { get; init; }
    public string? WebhookId { get; init; }
    /// <summary>The thread started from this message, when there is one.</summary>
    public DiscordChannel? Thread { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
}

public sealed record MessageReference
{
    public string? MessageId { get; init; }
    public string? ChannelId { get; init; }
    public string? GuildId { get; init; }
    public bool? FailIfNotExists { get; init; }
}

/// <summary>Who may be pinged. <see cref="None"/> pings nobody, not even the author replied to.</summary>
public sealed record AllowedMentions
{
    public static AllowedMentions None { get; } = new() { Parse = [], RepliedUser = false };

    public IReadOnlyList<string> Parse { get; init; } = [];
    public IReadOnlyList<string>? Users { get; init; }
    public IReadOnlyList<string>? Roles { get; init; }
    public bool? RepliedUser { get; init; }
}
