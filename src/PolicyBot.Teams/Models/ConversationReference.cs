using System.Text.Json;

namespace PolicyBot.Teams.Models;

/// <summary>
/// What a bot stores to message a conversation later (proactive messages): where to send (<see cref="ServiceUrl"/>,
/// <see cref="Conversation"/>) and who is who. Serializes as camelCase JSON with <see cref="BotJson.Options"/>.
/// </summary>
public sealed record ConversationReference
{
    public string? ActivityId { get; init; }
    public ChannelAccount? User { get; init; }
    public ChannelAccount? Bot { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public string? Locale { get; init; }

    /// <summary>
    /// The reference for an inbound activity (message or conversationUpdate). Only build it from an activity whose token
    /// passed validation: the stored <see cref="ServiceUrl"/> is where the bot token will be sent later.
    /// When <c>conversation.tenantId</c> is missing (personal-chat conversationUpdate), it is taken from <c>channelData.tenant.id</c>.
    /// </summary>
    public static ConversationReference FromActivity(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversation = activity.Conversation;
        if (conversation is not null && conversation.TenantId is null && TenantFromChannelData(activity.ChannelData) is { } tenantId)
            conversation = conversation with { TenantId = tenantId };

        return new ConversationReference
        {
            ActivityId = activity.Id,
            User = activity.From,
            Bot = activity.Recipient,
            Conversation = conversation,
            ChannelId = activity.ChannelId,
            ServiceUrl = activity.ServiceUrl,
            Locale = activity.Locale,
        };
    }

    private static string? TenantFromChannelData(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
