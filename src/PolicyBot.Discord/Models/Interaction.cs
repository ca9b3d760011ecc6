using System.Text.Json;

namespace PolicyBot.Discord.Models;

public static class InteractionType
{
    public const int Ping = 1, ApplicationCommand = 2, MessageComponent = 3, Autocomplete = 4, ModalSubmit = 5;
}

public static class InteractionCallbackType
{
    public const int Pong = 1, ChannelMessageWithSource = 4, DeferredChannelMessageWithSource = 5, DeferredUpdateMessage = 6, UpdateMessage = 7, Modal = 9;
}

/// <summary>An interaction, as POSTed to the interactions endpoint and as carried by INTERACTION_CREATE.</summary>
public sealed record Interaction
{
    public required string Id { get; init; }
    public required string ApplicationId { get; init; }
    public int Type { get; init; }
    public InteractionData? Data { get; init; }
    public string? GuildId { get; init; }
    public string? ChannelId { get; init; }
    public DiscordChannel? Channel { get; init; }
    /// <summary>Present in guilds.</summary>
    public DiscordMember? Member { get; init; }
    /// <summary>Present in DMs.</summary>
    public DiscordUser? User { get; init; }
    public string Token { get; init; } = "";
    public int Version { get; init; }
    public DiscordMessage? Message { get; init; }

    /// <summary>The invoking user: <c>member.user</c> in a guild, <c>user</c> in a DM.</summary>
    public DiscordUser? InvokingUser => Member?.User ?? User;
}

public sealed record InteractionData
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public int? Type { get; init; }
    public IReadOnlyList<InteractionOption>? Options { get; init; }
    public string? CustomId { get; init; }
    public int? ComponentType { get; init; }
    public string? TargetId { get; init; }
    /// <summary>A submitted modal's action rows, holding its text inputs and their values.</summary>
    public IReadOnlyList<MessageComponent>? Components { get; init; }

    /// <summary>The value typed into a submitted modal's text input, or null.</summary>
    public string? InputValue(string customId) =>
        Components?.SelectMany(row => row.Components ?? []).FirstOrDefault(c => c.CustomId == customId)?.Value;

    /// <summary>The string value of a top-level option, or null.</summary>
    public string? Option(string name) =>
        Options?.FirstOrDefault(o => o.Name == name)?.Value is { } value
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}

public sealed record InteractionOption
{
    public required string Name { get; init; }
    public int Type { get; init; }
    public JsonElement? Value { get; init; }
    public IReadOnlyList<InteractionOption>? Options { get; init; }
    public bool? Focused { get; init; }
}

/// <summary>The body of an interaction callback: <c>{"type": 4, "data": {...}}</c>.</summary>
public sealed record InteractionResponse(int Type, MessagePayload? Data = null);
