using PolicyBot.Core.Ingestion;

namespace PolicyBot.Core.State;

/// <summary>ETag and Last-Modified per feed and page URL, in the SQLite state file; the table is created on first use.</summary>
public sealed class SqliteFetchValidatorStore : IFetchValidatorStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS feed_fetch_validators (
            url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, document_ids TEXT, fetched_at INTEGER NOT NULL);
        """;

    private readonly SqliteSchemaFile _file;

    public SqliteFetchValidatorStore(string path) => _file = new SqliteSchemaFile(path, Schema);

    public async Task<FetchValidators?> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, last_modified, document_ids FROM feed_fetch_validators WHERE url = $url";
        command.Parameters.AddWithValue("$url", url.AbsoluteUri);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken)
            ? new FetchValidators(r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1),
                r.IsDBNull(2) ? null : r.GetString(2).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            : null;
    }

    public async Task SaveAsync(Uri url, FetchValidators validators, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO feed_fetch_validators (url, etag, last_modified, document_ids, fetched_at) VALUES ($url, $etag, $modified, $documents, $at)
            ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                document_ids = excluded.document_ids, fetched_at = excluded.fetched_at
            """;
        command.Parameters.AddWithValue("$url", url.AbsoluteUri);
        command.Parameters.AddWithValue("$etag", (object?)validators.ETag ?? DBNull.Value);
        command.Parameters.AddWithValue("$modified", (object?)validators.LastModified ?? DBNull.Value);
        command.Parameters.AddWithValue("$documents", validators.DocumentIds is { } ids ? string.Join('\n', ids) : DBNull.Value);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
