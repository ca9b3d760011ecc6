using PolicyBot.Core.State;
using PolicyBot.Core.Telemetry;

namespace PolicyBot.Core.Feedback;

/// <summary>Feedback in a small SQLite file of its own (the index can be rebuilt; votes must survive that).</summary>
public sealed class SqliteFeedbackStore : IFeedbackStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS feedback (
            id INTEGER PRIMARY KEY AUTOINCREMENT, platform TEXT NOT NULL, conversation_id TEXT NOT NULL, user_id TEXT NOT NULL,
            reply_key TEXT NOT NULL, helpful INTEGER NOT NULL, reason TEXT, question TEXT, answer TEXT, cited TEXT NOT NULL, at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS feedback_at ON feedback (at);
        """;

    private readonly SqliteSchemaFile _file;

    public SqliteFeedbackStore(string path) => _file = new SqliteSchemaFile(path, Schema);

    public async Task AddAsync(FeedbackRecord f, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO feedback (platform, conversation_id, user_id, reply_key, helpful, reason, question, answer, cited, at)
            VALUES ($platform, $conversation, $user, $key, $helpful, $reason, $question, $answer, $cited, $at)
            """;
        command.Parameters.AddWithValue("$platform", f.Platform);
        command.Parameters.AddWithValue("$conversation", f.ConversationId);
        command.Parameters.AddWithValue("$user", f.UserId);
        command.Parameters.AddWithValue("$key", f.ReplyKey);
        command.Parameters.AddWithValue("$helpful", f.Helpful ? 1 : 0);
        command.Parameters.AddWithValue("$reason", (object?)f.Reason ?? DBNull.Value);
        command.Parameters.AddWithValue("$question", (object?)f.Question ?? DBNull.Value);
        command.Parameters.AddWithValue("$answer", (object?)f.Answer ?? DBNull.Value);
        command.Parameters.AddWithValue("$cited", string.Join('\n', f.CitedDocuments));
        command.Parameters.AddWithValue("$at", f.At.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
        PolicyBotTelemetry.RecordFeedback(f.Platform, f.Helpful);
    }

    public async Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT platform, conversation_id, user_id, reply_key, helpful, reason, question, answer, cited, at FROM feedback WHERE at >= $since ORDER BY at";
        command.Parameters.AddWithValue("$since", since?.ToUnixTimeMilliseconds() ?? 0);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<FeedbackRecord>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new FeedbackRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4) == 1,
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8).Split('\n', StringSplitOptions.RemoveEmptyEntries), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9))));
        return list;
    }
}
