using PolicyBot.Core.State;

namespace PolicyBot.Teams.Bot;

/// <summary>
/// Conversation references in the SQLite state file, so proactive briefings still reach Teams channels after a restart.
/// The table is created on first use and is safe to create again.
/// </summary>
public sealed class SqliteConversationReferenceStore : IConversationReferenceStore
{
    private readonly SqliteSchemaFile _file;

    public SqliteConversationReferenceStore(string path) => _file = new SqliteSchemaFile(path, Schema);

    public async Task SaveAsync(StoredConversation conversation, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO teams_conversations (conversation_id, service_url, channel_id, tenant_id, bot_id, conversation_type)
            VALUES ($id, $url, $channel, $tenant, $bot, $type)
            ON CONFLICT (conversation_id) DO UPDATE SET service_url = excluded.service_url, channel_id = excluded.channel_id,
                tenant_id = excluded.tenant_id, bot_id = excluded.bot_id, conversation_type = excluded.conversation_type
            """;
        command.Parameters.AddWithValue("$id", conversation.ConversationId);
        command.Parameters.AddWithValue("$url", conversation.ServiceUrl);
        command.Parameters.AddWithValue("$channel", conversation.ChannelId);
        command.Parameters.AddWithValue("$tenant", (object?)conversation.TenantId ?? DBNull.Value);
        command.Parameters.AddWithValue("$bot", (object?)conversation.BotId ?? DBNull.Value);
        command.Parameters.AddWithValue("$type", (object?)conversation.ConversationType ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM teams_conversations WHERE conversation_id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredConversation>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT conversation_id, service_url, channel_id, tenant_id, bot_id, conversation_type FROM teams_conversations ORDER BY conversation_id";
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<StoredConversation>();
        while (await r.ReadAsync(cancellationToken))
            list.Add(new StoredConversation(r.GetString(0), r.GetString(1), r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));
        return list;
    }

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS teams_conversations (
            conversation_id TEXT PRIMARY KEY, service_url TEXT NOT NULL, channel_id TEXT NOT NULL,
            tenant_id TEXT, bot_id TEXT, conversation_type TEXT);
        """;
}
