using System.Collections.Concurrent;

namespace PolicyBot.Teams.Bot;

public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, StoredConversation> _items = new(StringComparer.Ordinal);

    public Task SaveAsync(StoredConversation conversation, CancellationToken cancellationToken)
    {
        _items[conversation.ConversationId] = conversation;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        _items.TryRemove(conversationId, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredConversation>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredConversation>>([.. _items.Values]);
}
