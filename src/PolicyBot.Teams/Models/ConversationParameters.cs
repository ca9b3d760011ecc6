using System.Text.Json;

namespace PolicyBot.Teams.Models;

/// <summary>The body of <c>POST v3/conversations</c> (start a conversation, e.g. a 1:1 chat for a proactive message).</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public Activity? Activity { get; init; }
    public JsonElement? ChannelData { get; init; }
    public string? TenantId { get; init; }

    /// <summary>
    /// A Teams 1:1 chat between the bot and one user. Teams requires the tenant, both as <c>tenantId</c> and as
    /// <c>channelData.tenant.id</c>; only the ids of the bot and the user are sent.
    /// </summary>
    public static ConversationParameters ForPersonalChat(string botId, string userId, string tenantId, Activity? activity = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = botId },
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenantId,
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = tenantId } }, BotJson.Options),
            Activity = activity,
        };
    }
}
