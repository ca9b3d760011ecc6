namespace PolicyBot.Discord.Rest;

/// <summary>Bot routes carry <c>Authorization: Bot</c> and count against the global limit; interaction routes do neither.</summary>
internal enum DiscordRouteKind
{
    Bot,
    Interaction,
}

/// <summary>
/// One REST call: the relative <see cref="Path"/> sent, and the names it is rate limited and logged under.
/// The rate-limit key is <see cref="Key"/> (method + path template, every id replaced by its name) plus
/// <see cref="MajorParameter"/> (channel_id, guild_id, webhook_id + token, or the interaction id), which Discord limits separately.
/// <see cref="Key"/> never holds an id or token, so it is the only part that goes into logs and exceptions.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameter, DiscordRouteKind Kind)
{
    /// <summary>"POST /channels/{channel_id}/messages": safe to log, and what a bucket hash is learned for.</summary>
    public string Key { get; } = $"{Method.Method} /{Template}";

    public bool IsInteraction => Kind == DiscordRouteKind.Interaction;

    public static DiscordRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, "channels/{channel_id}/messages", $"channels/{E(channelId)}/messages", channelId, DiscordRouteKind.Bot);

    public static DiscordRoute StartThreadFromMessage(string channelId, string messageId) =>
        new(HttpMethod.Post, "channels/{channel_id}/messages/{message_id}/threads",
            $"channels/{E(channelId)}/messages/{E(messageId)}/threads", channelId, DiscordRouteKind.Bot);

    public static DiscordRoute InteractionCallback(string interactionId, string interactionToken) =>
        new(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback",
            $"interactions/{E(interactionId)}/{E(interactionToken)}/callback", interactionId, DiscordRouteKind.Interaction);

    public static DiscordRoute EditOriginalResponse(string applicationId, string interactionToken) =>
        new(HttpMethod.Patch, "webhooks/{application_id}/{interaction_token}/messages/@original",
            $"webhooks/{E(applicationId)}/{E(interactionToken)}/messages/@original", $"{applicationId}/{interactionToken}", DiscordRouteKind.Interaction);

    public static DiscordRoute CreateFollowup(string applicationId, string interactionToken) =>
        new(HttpMethod.Post, "webhooks/{application_id}/{interaction_token}",
            $"webhooks/{E(applicationId)}/{E(interactionToken)}", $"{applicationId}/{interactionToken}", DiscordRouteKind.Interaction);

    public static DiscordRoute BulkOverwriteCommands(string applicationId, string? guildId) => guildId is null
        ? new(HttpMethod.Put, "applications/{application_id}/commands", $"applications/{E(applicationId)}/commands", "", DiscordRouteKind.Bot)
        : new(HttpMethod.Put, "applications/{application_id}/guilds/{guild_id}/commands",
            $"applications/{E(applicationId)}/guilds/{E(guildId)}/commands", guildId, DiscordRouteKind.Bot);

    public static DiscordRoute GetGatewayBot() => new(HttpMethod.Get, "gateway/bot", "gateway/bot", "", DiscordRouteKind.Bot);

    private static string E(string segment) => Uri.EscapeDataString(segment);
}
