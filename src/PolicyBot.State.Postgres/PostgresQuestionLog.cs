using Npgsql;
using NpgsqlTypes;
using PolicyBot.Core.Feedback;

namespace PolicyBot.State.Postgres;

/// <summary>The question log in the shared PostgreSQL database, so `policybot report` sees the questions every instance was asked.</summary>
public sealed class PostgresQuestionLog(PostgresStateDatabase database) : IQuestionLog
{
    public Task AddAsync(QuestionRecord q, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO questions (platform, conversation_id, user_id, question, refused, reply_key, at)
            VALUES (@platform, @conversation, @user, @question, @refused, @key, @at)
            """, connection);
        var p = command.Parameters;
        p.AddWithValue("platform", q.Platform);
        p.AddWithValue("conversation", q.ConversationId);
        p.AddWithValue("user", q.UserId);
        p.AddWithValue("question", q.Question);
        p.AddWithValue("refused", q.Refused);
        p.AddWithValue("key", q.ReplyKey);
        p.AddWithValue("at", q.At.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }, cancellationToken);

    public Task<IReadOnlyList<QuestionRecord>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<QuestionRecord>>(async connection =>
        {
            await using var command = new NpgsqlCommand("""
                SELECT platform, conversation_id, user_id, question, refused, reply_key, at
                FROM questions WHERE @since::timestamptz IS NULL OR at >= @since ORDER BY at, id
                """, connection);
            command.Parameters.AddWithValue("since", NpgsqlDbType.TimestampTz, since is { } s ? s.ToUniversalTime() : DBNull.Value);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            var list = new List<QuestionRecord>();
            while (await r.ReadAsync(cancellationToken))
                list.Add(new QuestionRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.GetString(5),
                    r.GetFieldValue<DateTimeOffset>(6)));
            return list;
        }, cancellationToken);
}
