using System.Globalization;
using Microsoft.Data.Sqlite;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Embedded;

public sealed partial class SqlitePassageIndex
{
    internal const int SchemaVersion = 1;

    // passages.rowid is AUTOINCREMENT so a rowid is never reused: the FTS rows and in-memory vectors
    // key on it, and a search holding an old snapshot must not find a newer passage under an old rowid.
    // No foreign key from passages to documents: the documents row is written last in each upsert.
    private const string CreateSchemaSql = """
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS documents (
            id              TEXT PRIMARY KEY,
            title           TEXT NOT NULL,
            source_path     TEXT NOT NULL,
            metadata        TEXT NOT NULL,
            content_hash    TEXT NOT NULL,
            ingested_at     TEXT NOT NULL,
            ingested_at_utc INTEGER NOT NULL,
            passage_count   INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS passages (
            rowid       INTEGER PRIMARY KEY AUTOINCREMENT,
            id          TEXT NOT NULL UNIQUE,
            document_id TEXT NOT NULL,
            ordinal     INTEGER NOT NULL,
            heading     TEXT,
            text        TEXT NOT NULL,
            embedding   BLOB NOT NULL
        );
        CREATE INDEX IF NOT EXISTS passages_by_document ON passages (document_id, ordinal);
        CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5 (
            text, heading, title,
            content = '', contentless_delete = 1,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        """;

    private const string ModelKey = "embedding_model_id";
    private const string DimensionsKey = "embedding_dimensions";
    private const string SchemaVersionKey = "schema_version";

    private void EnsureSchema(SqliteConnection connection, string modelId, int dimensions)
    {
        // journal_mode cannot change inside a transaction; it is stored in the file once set.
        using (var wal = Command(connection, null, "PRAGMA journal_mode = WAL;")) wal.ExecuteNonQuery();

        // IMMEDIATE: two processes opening a new file do not both create the schema.
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version == 0)
        {
            using (var create = Command(connection, transaction, CreateSchemaSql)) create.ExecuteNonQuery();
            WriteMeta(connection, transaction, SchemaVersionKey, SchemaVersion.ToString(CultureInfo.InvariantCulture));
            WriteMeta(connection, transaction, ModelKey, modelId);
            WriteMeta(connection, transaction, DimensionsKey, dimensions.ToString(CultureInfo.InvariantCulture));
            using (var stamp = Command(connection, transaction, $"PRAGMA user_version = {SchemaVersion};")) stamp.ExecuteNonQuery();
            transaction.Commit();
            _logger.IndexCreated(FilePath, modelId, dimensions);
            return;
        }
        if (version != SchemaVersion)
        {
            throw new IndexMismatchException(
                $"The index file '{FilePath}' has schema version {version}, but this PolicyBot reads version {SchemaVersion}. " +
                "Re-ingest with --rebuild to recreate it.");
        }

        var storedModel = Scalar(connection, transaction, $"SELECT value FROM meta WHERE key = '{ModelKey}';") as string;
        var storedDimensions = Convert.ToInt32(Scalar(connection, transaction, $"SELECT value FROM meta WHERE key = '{DimensionsKey}';"), CultureInfo.InvariantCulture);
        if (!string.Equals(storedModel, modelId, StringComparison.Ordinal) || storedDimensions != dimensions)
        {
            _logger.IndexModelMismatch(FilePath, storedModel ?? "(none)", storedDimensions, modelId, dimensions);
            throw new IndexMismatchException(
                $"The index file '{FilePath}' was built with embedding model '{storedModel}' ({storedDimensions} dimensions), " +
                $"but the configured model is '{modelId}' ({dimensions} dimensions). Re-ingest with --rebuild to rebuild the index for the new model.");
        }
        transaction.Commit();
    }

    private static void WriteMeta(SqliteConnection connection, SqliteTransaction transaction, string key, string value)
    {
        using var command = Command(connection, transaction, "INSERT OR REPLACE INTO meta (key, value) VALUES ($key, $value);");
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        return command.ExecuteScalar();
    }

    /// <summary>Reads every vector once, into one contiguous chunk per document.</summary>
    private static VectorSnapshot LoadSnapshot(SqliteConnection connection, int dimensions, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var documents = new Dictionary<string, DocumentRecord>(StringComparer.Ordinal);
        using (var read = Command(connection, transaction, $"SELECT {DocumentColumns} FROM documents;"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read()) documents.Add(reader.GetString(0), ReadDocument(reader, 0));
        }

        var chunks = new Dictionary<string, (long[] RowIds, float[] Vectors, int Filled)>(StringComparer.Ordinal);
        using (var count = Command(connection, transaction, "SELECT document_id, COUNT(*) FROM passages GROUP BY document_id;"))
        using (var reader = count.ExecuteReader())
        {
            while (reader.Read())
            {
                var rows = reader.GetInt32(1);
                chunks.Add(reader.GetString(0), (new long[rows], new float[rows * dimensions], 0));
            }
        }

        var buffer = new byte[dimensions * sizeof(float)];
        using (var scan = Command(connection, transaction, "SELECT rowid, document_id, embedding FROM passages;"))
        using (var reader = scan.ExecuteReader())
        {
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var documentId = reader.GetString(1);
                var chunk = chunks[documentId];
                var length = reader.GetBytes(2, 0, null, 0, 0);
                if (length != buffer.Length)
                {
                    throw new InvalidDataException($"Passage row {reader.GetInt64(0)} has a {length}-byte embedding; expected {buffer.Length}. Re-ingest with --rebuild.");
                }
                reader.GetBytes(2, 0, buffer, 0, buffer.Length);
                chunk.RowIds[chunk.Filled] = reader.GetInt64(0);
                EmbeddingBlob.Read(buffer, chunk.Vectors.AsSpan(chunk.Filled * dimensions, dimensions));
                chunks[documentId] = chunk with { Filled = chunk.Filled + 1 };
            }
        }
        transaction.Commit();

        // Passages without a documents row cannot exist after a committed upsert; skip them if they do.
        var loaded = documents.Values.Select(d => chunks.TryGetValue(d.Id, out var c)
            ? new DocumentVectors(d, c.RowIds, c.Vectors)
            : new DocumentVectors(d, [], []));
        return VectorSnapshot.Create(loaded, dimensions);
    }
}
