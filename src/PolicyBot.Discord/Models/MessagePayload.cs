namespace PolicyBot.Discord.Models;

/// <summary>
/// The body of Create Message, of an interaction callback's data, of a follow-up and of Edit Original Response
/// (they share these fields).
/// </summary>
public sealed record MessagePayload
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
    public MessageReference? MessageReference { get; init; }
    /// <summary>64 = EPHEMERAL (interaction responses only).</summary>
    public int? Flags { get; init; }
    /// <summary>Up to 25 characters; with <see cref="EnforceNonce"/> Discord returns the earlier message instead of a duplicate.</summary>
    public string? Nonce { get; init; }
    public bool? EnforceNonce { get; init; }
    public IReadOnlyList<MessageComponent>? Components { get; init; }
    /// <summary>A modal's id (modal callbacks, type 9, send <see cref="CustomId"/>, <see cref="Title"/> and <see cref="Components"/>).</summary>
    public string? CustomId { get; init; }
    /// <summary>A modal's title, up to 45 characters.</summary>
    public string? Title { get; init; }
}

/// <summary>An action row (type 1), a button (type 2) or a text input (type 4, in modals).</summary>
public sealed record MessageComponent
{
    public int Type { get; init; }
    public int? Style { get; init; }
    public string? Label { get; init; }
    public string? CustomId { get; init; }
    public string? Url { get; init; }
    public IReadOnlyList<MessageComponent>? Components { get; init; }
    /// <summary>Text inputs: whether it must be filled, its length bounds and hint.</summary>
    public bool? Required { get; init; }
    public int? MaxLength { get; init; }
    public string? Placeholder { get; init; }
    /// <summary>A submitted text input's value.</summary>
    public string? Value { get; init; }
}

/// <summary>Body of POST /channels/{id}/messages/{id}/threads.</summary>
public sealed record StartThreadPayload(string Name, int? AutoArchiveDuration = 1440);
