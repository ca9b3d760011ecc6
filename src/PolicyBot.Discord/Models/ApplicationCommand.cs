namespace PolicyBot.Discord.Models;

/// <summary>A command definition for bulk overwrite (PUT /applications/{id}[/guilds/{id}]/commands).</summary>
public sealed record ApplicationCommand
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    /// <summary>1 = CHAT_INPUT (slash command).</summary>
    public int Type { get; init; } = 1;
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
    public string? Id { get; init; }
    public string? ApplicationId { get; init; }
}

public sealed record ApplicationCommandOption
{
    /// <summary>3 = STRING, 4 = INTEGER, 5 = BOOLEAN.</summary>
    public int Type { get; init; } = 3;
    public required string Name { get; init; }
    public required string Description { get; init; }
    public bool? Required { get; init; }
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }
}

public sealed record ApplicationCommandOptionChoice(string Name, string Value);
