using Npgsql;
using NpgsqlTypes;
using PolicyBot.Core.State;

namespace PolicyBot.State.Postgres;

/// <summary>Ingestion history in the shared PostgreSQL database, metadata before and after as jsonb.</summary>
public sealed class PostgresIngestionHistory(PostgresStateDatabase database) : IIngestionHistory
{
    public Task RecordAsync(IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0) return Task.CompletedTask;
        return database.RunAsync(async connection =>
        {
            await using var batch = new NpgsqlBatch(connection);
            foreach (var c in changes)
            {
                var command = new NpgsqlBatchCommand("""
                    INSERT INTO ingestion_history (document_id, title, kind, before_json, after_json, at) VALUES ($1, $2, $3, $4, $5, $6)
                    """);
                command.Parameters.Add(new NpgsqlParameter { Value = c.DocumentId });
                command.Parameters.Add(new NpgsqlParameter { Value = c.Title });
                command.Parameters.Add(new NpgsqlParameter { Value = StateEncoding.Kind(c.Kind) });
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = (object?)StateEncoding.Metadata(c.Before) ?? DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = (object?)StateEncoding.Metadata(c.After) ?? DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter { Value = c.At.ToUniversalTime() });
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);   // one implicit transaction
        }, cancellationToken);
    }

    /// <summary>Changes strictly after <paramref name="since"/>, oldest first (in recording order for equal times).</summary>
    public Task<IReadOnlyList<DocumentChange>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<DocumentChange>>(async connection =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT document_id, title, kind, before_json::text, after_json::text, at FROM ingestion_history WHERE at > @since ORDER BY at, seq", connection);
            command.Parameters.AddWithValue("since", since.ToUniversalTime());
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            var list = new List<DocumentChange>();
            while (await r.ReadAsync(cancellationToken))
                list.Add(new DocumentChange(r.GetString(0), r.GetString(1), StateEncoding.ChangeKindFrom(r.GetString(2)),
                    StateEncoding.MetadataFrom(r.IsDBNull(3) ? null : r.GetString(3)), StateEncoding.MetadataFrom(r.IsDBNull(4) ? null : r.GetString(4)),
                    r.GetFieldValue<DateTimeOffset>(5)));
            return list;
        }, cancellationToken);
}
