using System.Text.Json;
using PolicyBot.Core.State;

namespace PolicyBot.Teams.Bot;

/// <summary>
/// Teams conversation references kept in the bot's state (SQLite or PostgreSQL, whichever <see cref="IConversationAddressStore"/>
/// is registered) under platform "teams": the reference is stored as JSON, so the state stores need know nothing of Teams.
/// </summary>
public sealed class ConversationReferenceStore(IConversationAddressStore addresses) : IConversationReferenceStore
{
    public const string Platform = "teams";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task SaveAsync(StoredConversation conversation, CancellationToken cancellationToken) =>
        addresses.SaveAsync(new ConversationAddress(Platform, conversation.ConversationId, JsonSerializer.Serialize(conversation, Json)), cancellationToken);

    public Task RemoveAsync(string conversationId, CancellationToken cancellationToken) =>
        addresses.RemoveAsync(Platform, conversationId, cancellationToken);

    public async Task<IReadOnlyList<StoredConversation>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await addresses.ListAsync(Platform, cancellationToken);
        // The key is authoritative: a reference whose JSON lost its id still belongs to the conversation it was saved under.
        return [.. stored.Select(a => JsonSerializer.Deserialize<StoredConversation>(a.Reference, Json) is { } c ? c with { ConversationId = a.ConversationId } : null)
            .OfType<StoredConversation>()];
    }
}
