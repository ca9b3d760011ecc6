using System.Collections.Concurrent;

namespace PolicyBot.Core.State;

/// <summary>Addresses that last as long as the process: for tests and throw-away runs.</summary>
public sealed class InMemoryConversationAddressStore : IConversationAddressStore
{
    private readonly ConcurrentDictionary<(string Platform, string ConversationId), ConversationAddress> _items = new();

    public Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken)
    {
        _items[(address.Platform, address.ConversationId)] = address;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string platform, string conversationId, CancellationToken cancellationToken)
    {
        _items.TryRemove((platform, conversationId), out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ConversationAddress>> ListAsync(string platform, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConversationAddress>>(
            [.. _items.Values.Where(a => a.Platform == platform).OrderBy(a => a.ConversationId, StringComparer.Ordinal)]);
}
