using Npgsql;
using NpgsqlTypes;
using PolicyBot.Core.Ingestion;

namespace PolicyBot.State.Postgres;

/// <summary>Feed and page fetch validators in the shared PostgreSQL database, so any instance's scheduled run can send a conditional GET.</summary>
public sealed class PostgresFetchValidatorStore(PostgresStateDatabase database) : IFetchValidatorStore
{
    public Task<FetchValidators?> GetAsync(Uri url, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        await using var command = new NpgsqlCommand("SELECT etag, last_modified, document_ids FROM feed_fetch_validators WHERE url = @url", connection);
        command.Parameters.AddWithValue("url", url.AbsoluteUri);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken)
            ? new FetchValidators(r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1),
                r.IsDBNull(2) ? null : r.GetFieldValue<string[]>(2))
            : null;
    }, cancellationToken);

    public Task SaveAsync(Uri url, FetchValidators validators, DateTimeOffset at, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO feed_fetch_validators (url, etag, last_modified, document_ids, fetched_at) VALUES (@url, @etag, @modified, @documents, @at)
            ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                document_ids = excluded.document_ids, fetched_at = excluded.fetched_at
            """, connection);
        command.Parameters.AddWithValue("url", url.AbsoluteUri);
        command.Parameters.AddWithValue("etag", NpgsqlDbType.Text, (object?)validators.ETag ?? DBNull.Value);
        command.Parameters.AddWithValue("modified", NpgsqlDbType.Text, (object?)validators.LastModified ?? DBNull.Value);
        command.Parameters.AddWithValue("documents", NpgsqlDbType.Array | NpgsqlDbType.Text, validators.DocumentIds is { } ids ? ids.ToArray() : DBNull.Value);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }, cancellationToken);
}
