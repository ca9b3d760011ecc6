using PolicyBot.Core.State;

namespace PolicyBot.Core.Feedback;

/// <summary>The question log in the SQLite state file, next to the feedback votes (both survive an index rebuild).</summary>
public sealed class SqliteQuestionLog : IQuestionLog
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS questions (
            id INTEGER PRIMARY KEY AUTOINCREMENT, platform TEXT NOT NULL, conversation_id TEXT NOT NULL, user_id TEXT NOT NULL,
            question TEXT NOT NULL, refused INTEGER NOT NULL, reply_key TEXT NOT NULL, at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS questions_at ON questions (at);
        """;

    private readonly SqliteSchemaFile _file;

    public SqliteQuestionLog(string path) => _file = new SqliteSchemaFile(path, Schema);

    public async Task AddAsync(QuestionRecord q, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO questions (platform, conversation_id, user_id, question, refused, reply_key, at)
            VALUES ($platform, $conversation, $user, $question, $refused, $key, $at)
            """;
        command.Parameters.AddWithValue("$platform", q.Platform);
        command.Parameters.AddWithValue("$conversation", q.ConversationId);
        command.Parameters.AddWithValue("$user", q.UserId);
        command.Parameters.AddWithValue("$question", q.Question);
        command.Parameters.AddWithValue("$refused", q.Refused ? 1 : 0);
        command.Parameters.AddWithValue("$key", q.ReplyKey);
        command.Parameters.AddWithValue("$at", q.At.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<QuestionRecord>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT platform, conversation_id, user_id, question, refused, reply_key, at FROM questions WHERE at >= $since ORDER BY at, id";
        command.Parameters.AddWithValue("$since", since?.ToUnixTimeMilliseconds() ?? long.MinValue);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<QuestionRecord>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new QuestionRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4) == 1,
                reader.GetString(5), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        return list;
    }
}
