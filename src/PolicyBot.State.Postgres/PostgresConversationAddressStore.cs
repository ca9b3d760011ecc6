using Npgsql;
using NpgsqlTypes;
using PolicyBot.Core.State;

namespace PolicyBot.State.Postgres;

/// <summary>Proactive conversation addresses in the shared PostgreSQL database, the reference kept as jsonb.</summary>
public sealed class PostgresConversationAddressStore(PostgresStateDatabase database) : IConversationAddressStore
{
    public Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO conversation_addresses (platform, conversation_id, reference) VALUES (@platform, @id, @reference)
            ON CONFLICT (platform, conversation_id) DO UPDATE SET reference = excluded.reference
            """, connection);
        command.Parameters.AddWithValue("platform", address.Platform);
        command.Parameters.AddWithValue("id", address.ConversationId);
        command.Parameters.AddWithValue("reference", NpgsqlDbType.Jsonb, address.Reference);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }, cancellationToken);

    public Task RemoveAsync(string platform, string conversationId, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        await using var command = new NpgsqlCommand("DELETE FROM conversation_addresses WHERE platform = @platform AND conversation_id = @id", connection);
        command.Parameters.AddWithValue("platform", platform);
        command.Parameters.AddWithValue("id", conversationId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }, cancellationToken);

    public Task<IReadOnlyList<ConversationAddress>> ListAsync(string platform, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<ConversationAddress>>(async connection =>
        {
            // COLLATE "C": byte order, the same ordinal order as the other stores whatever the database's collation.
            await using var command = new NpgsqlCommand(
                "SELECT conversation_id, reference::text FROM conversation_addresses WHERE platform = @platform ORDER BY conversation_id COLLATE \"C\"", connection);
            command.Parameters.AddWithValue("platform", platform);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            var list = new List<ConversationAddress>();
            while (await r.ReadAsync(cancellationToken)) list.Add(new ConversationAddress(platform, r.GetString(0), r.GetString(1)));
            return list;
        }, cancellationToken);
}
