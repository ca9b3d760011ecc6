namespace PolicyBot.Discord.Models;

public sealed record DiscordUser
{
    public required string Id { get; init; }
    public string? Username { get; init; }
    public string? GlobalName { get; init; }
    public bool? Bot { get; init; }
}

/// <summary>A guild member; in interactions it carries the invoker's <see cref="User"/> and permission bits.</summary>
public sealed record DiscordMember
{
    public DiscordUser? User { get; init; }
    public string? Nick { get; init; }
    public IReadOnlyList<string>? Roles { get; init; }
    /// <summary>Permission bit set as a decimal string (interactions only).</summary>
    public string? Permissions { get; init; }
}

public sealed record DiscordChannel
{
    public required string Id { get; init; }
    public int Type { get; init; }
    public string? Name { get; init; }
    public string? GuildId { get; init; }
    public string? ParentId { get; init; }

    /// <summary>Channel types 10, 11 and 12 are threads.</summary>
    public bool IsThread => Type is 10 or 11 or 12;
}
