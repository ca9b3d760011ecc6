namespace PolicyBot.Core.State;

/// <summary>Proactive conversation addresses in the SQLite state file; the table is created on first use.</summary>
public sealed class SqliteConversationAddressStore : IConversationAddressStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS conversation_addresses (
            platform TEXT NOT NULL, conversation_id TEXT NOT NULL, reference TEXT NOT NULL, PRIMARY KEY (platform, conversation_id));
        """;

    private readonly SqliteSchemaFile _file;

    public SqliteConversationAddressStore(string path) => _file = new SqliteSchemaFile(path, Schema);

    public async Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO conversation_addresses (platform, conversation_id, reference) VALUES ($platform, $id, $reference)
            ON CONFLICT (platform, conversation_id) DO UPDATE SET reference = excluded.reference
            """;
        command.Parameters.AddWithValue("$platform", address.Platform);
        command.Parameters.AddWithValue("$id", address.ConversationId);
        command.Parameters.AddWithValue("$reference", address.Reference);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveAsync(string platform, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM conversation_addresses WHERE platform = $platform AND conversation_id = $id";
        command.Parameters.AddWithValue("$platform", platform);
        command.Parameters.AddWithValue("$id", conversationId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationAddress>> ListAsync(string platform, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // BINARY collation: the same ordinal order as the other stores.
        command.CommandText = "SELECT conversation_id, reference FROM conversation_addresses WHERE platform = $platform ORDER BY conversation_id";
        command.Parameters.AddWithValue("$platform", platform);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<ConversationAddress>();
        while (await r.ReadAsync(cancellationToken)) list.Add(new ConversationAddress(platform, r.GetString(0), r.GetString(1)));
        return list;
    }
}
