using Microsoft.Data.Sqlite;

namespace PolicyBot.Core.State;

/// <summary>Ingestion history in the SQLite state file: one row per document change, metadata before and after as JSON.</summary>
public sealed class SqliteIngestionHistory(SqliteStateDatabase database) : IIngestionHistory
{
    public async Task RecordAsync(IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = """
            INSERT INTO ingestion_history (document_id, title, kind, before_json, after_json, at)
            VALUES ($document, $title, $kind, $before, $after, $at)
            """;
        var document = command.Parameters.Add("$document", SqliteType.Text);
        var title = command.Parameters.Add("$title", SqliteType.Text);
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        var before = command.Parameters.Add("$before", SqliteType.Text);
        var after = command.Parameters.Add("$after", SqliteType.Text);
        var at = command.Parameters.Add("$at", SqliteType.Integer);
        foreach (var c in changes)
        {
            document.Value = c.DocumentId;
            title.Value = c.Title;
            kind.Value = StateEncoding.Kind(c.Kind);
            before.Value = (object?)StateEncoding.Metadata(c.Before) ?? DBNull.Value;
            after.Value = (object?)StateEncoding.Metadata(c.After) ?? DBNull.Value;
            at.Value = c.At.ToUnixTimeMilliseconds();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Changes strictly after <paramref name="since"/>, oldest first (in recording order for equal times).</summary>
    public async Task<IReadOnlyList<DocumentChange>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document_id, title, kind, before_json, after_json, at FROM ingestion_history WHERE at > $since ORDER BY at, seq";
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<DocumentChange>();
        while (await r.ReadAsync(cancellationToken))
            list.Add(new DocumentChange(r.GetString(0), r.GetString(1), StateEncoding.ChangeKindFrom(r.GetString(2)),
                StateEncoding.MetadataFrom(r.IsDBNull(3) ? null : r.GetString(3)), StateEncoding.MetadataFrom(r.IsDBNull(4) ? null : r.GetString(4)),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5))));
        return list;
    }
}
