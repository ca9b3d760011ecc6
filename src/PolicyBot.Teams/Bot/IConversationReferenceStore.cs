using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Bot;

/// <summary>Where the bot remembers conversations it was added to, for proactive messages (briefings).</summary>
public interface IConversationReferenceStore
{
    Task SaveAsync(StoredConversation conversation, CancellationToken cancellationToken);
    Task RemoveAsync(string conversationId, CancellationToken cancellationToken);
    Task<IReadOnlyList<StoredConversation>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>Enough of an activity to message its conversation later.</summary>
public sealed record StoredConversation(string ConversationId, string ServiceUrl, string ChannelId, string? TenantId, string? BotId, string? ConversationType)
{
    public static StoredConversation? From(Activity activity) =>
        activity.Conversation?.Id is { } id && activity.ServiceUrl is { } url
            ? new StoredConversation(id, url, activity.ChannelId ?? "msteams", activity.Conversation.TenantId, activity.Recipient?.Id, activity.Conversation.ConversationType)
            : null;
}
