using Microsoft.Data.Sqlite;

namespace PolicyBot.Teams.Bot;

/// <summary>
/// State files written before conversation references moved to the platform-neutral address store kept Teams references in a
/// table of their own (teams_conversations). This moves those rows into <see cref="IConversationReferenceStore"/> once and then
/// drops the old table, so proactive briefings keep reaching the chats the bot was installed in.
/// </summary>
public static class LegacyConversationReferenceImport
{
    public const string LegacyTable = "teams_conversations";

    /// <returns>How many references were moved (0 when the file or the old table does not exist).</returns>
    public static async Task<int> RunAsync(string stateFilePath, IConversationReferenceStore target, CancellationToken cancellationToken)
    {
        if (!File.Exists(stateFilePath)) return 0;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = stateFilePath, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 30 }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!await LegacyTableExistsAsync(connection, cancellationToken)) return 0;

        var legacy = await ReadAsync(connection, cancellationToken);
        // Save first, drop after: a crash in between only repeats idempotent upserts on the next start.
        foreach (var conversation in legacy) await target.SaveAsync(conversation, cancellationToken);
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP TABLE {LegacyTable}";
        await drop.ExecuteNonQueryAsync(cancellationToken);
        return legacy.Count;
    }

    private static async Task<bool> LegacyTableExistsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", LegacyTable);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<List<StoredConversation>> ReadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT conversation_id, service_url, channel_id, tenant_id, bot_id, conversation_type FROM {LegacyTable}";
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<StoredConversation>();
        while (await r.ReadAsync(cancellationToken))
            list.Add(new StoredConversation(r.GetString(0), r.GetString(1), r.GetString(2), NullableString(r, 3), NullableString(r, 4), NullableString(r, 5)));
        return list;
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
