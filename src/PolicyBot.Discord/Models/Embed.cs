namespace PolicyBot.Discord.Models;

public sealed record Embed
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public int? Color { get; init; }
    public IReadOnlyList<EmbedField>? Fields { get; init; }
    public EmbedFooter? Footer { get; init; }
    public string? Timestamp { get; init; }
}

public sealed record EmbedField(string Name, string Value, bool? Inline = null);

public sealed record EmbedFooter(string Text);

/// <summary>Discord's documented size limits for messages and embeds.</summary>
public static class DiscordLimits
{
    public const int Content = 2000, EmbedsPerMessage = 10, EmbedTitle = 256, EmbedDescription = 4096, EmbedFields = 25,
        FieldName = 256, FieldValue = 1024, FooterText = 2048, EmbedTotal = 6000;
}
