namespace PolicyBot.Core.State;

/// <summary>
/// Where a chat platform can be reached later without being spoken to first (proactive briefings). The reference is the
/// platform's own JSON (for Teams: service URL, tenant, bot id); the store keeps it as an opaque string.
/// </summary>
public sealed record ConversationAddress(string Platform, string ConversationId, string Reference);

/// <summary>Proactive conversation addresses keyed by platform and conversation id; saving an existing key replaces it.</summary>
public interface IConversationAddressStore
{
    Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken);

    Task RemoveAsync(string platform, string conversationId, CancellationToken cancellationToken);

    /// <summary>The platform's addresses ordered by conversation id (ordinal).</summary>
    Task<IReadOnlyList<ConversationAddress>> ListAsync(string platform, CancellationToken cancellationToken);
}
