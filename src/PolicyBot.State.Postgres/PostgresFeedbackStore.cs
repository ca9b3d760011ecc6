using Npgsql;
using NpgsqlTypes;
using PolicyBot.Core.Feedback;

namespace PolicyBot.State.Postgres;

/// <summary>Feedback votes in the shared PostgreSQL database, so every instance's votes land in one report.</summary>
public sealed class PostgresFeedbackStore(PostgresStateDatabase database) : IFeedbackStore
{
    public Task AddAsync(FeedbackRecord f, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO feedback (platform, conversation_id, user_id, reply_key, helpful, reason, question, answer, cited, at)
            VALUES (@platform, @conversation, @user, @key, @helpful, @reason, @question, @answer, @cited, @at)
            """, connection);
        var p = command.Parameters;
        p.AddWithValue("platform", f.Platform);
        p.AddWithValue("conversation", f.ConversationId);
        p.AddWithValue("user", f.UserId);
        p.AddWithValue("key", f.ReplyKey);
        p.AddWithValue("helpful", f.Helpful);
        p.AddWithValue("reason", NpgsqlDbType.Text, (object?)f.Reason ?? DBNull.Value);
        p.AddWithValue("question", NpgsqlDbType.Text, (object?)f.Question ?? DBNull.Value);
        p.AddWithValue("answer", NpgsqlDbType.Text, (object?)f.Answer ?? DBNull.Value);
        p.AddWithValue("cited", f.CitedDocuments.ToArray());
        p.AddWithValue("at", f.At.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }, cancellationToken);

    public Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<FeedbackRecord>>(async connection =>
        {
            await using var command = new NpgsqlCommand("""
                SELECT platform, conversation_id, user_id, reply_key, helpful, reason, question, answer, cited, at
                FROM feedback WHERE @since::timestamptz IS NULL OR at >= @since ORDER BY at, id
                """, connection);
            command.Parameters.AddWithValue("since", NpgsqlDbType.TimestampTz, since is { } s ? s.ToUniversalTime() : DBNull.Value);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            var list = new List<FeedbackRecord>();
            while (await r.ReadAsync(cancellationToken))
                list.Add(new FeedbackRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4),
                    r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
                    r.GetFieldValue<string[]>(8), r.GetFieldValue<DateTimeOffset>(9)));
            return list;
        }, cancellationToken);
}
