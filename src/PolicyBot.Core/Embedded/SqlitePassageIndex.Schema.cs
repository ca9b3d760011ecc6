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

    /// <summary>
    /// Reads every vector once, in rowid order, straight into one contiguous block. An upsert writes a document's rows in one
    /// transaction, so their rowids are consecutive and each document is one run; anything else is regrouped with one copy.
    /// </summary>
    private static VectorSnapshot LoadSnapshot(SqliteConnection connection, int dimensions, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var documents = new Dictionary<string, DocumentRecord>(StringComparer.Ordinal);
        using (var read = Command(connection, transaction, $"SELECT {DocumentColumns} FROM documents;"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read()) documents.Add(reader.GetString(0), ReadDocument(reader, 0));
        }

        var rows = Convert.ToInt32(Scalar(connection, transaction, "SELECT COUNT(*) FROM passages;"), CultureInfo.InvariantCulture);
        var rowIds = new long[rows];
        var vectors = new float[(long)rows * dimensions];
        var runs = new List<(string DocumentId, int Start)>();
        var buffer = new byte[dimensions * sizeof(float)];
        var filled = 0;
        using (var scan = Command(connection, transaction, "SELECT rowid, document_id, embedding FROM passages ORDER BY rowid;"))
        using (var reader = scan.ExecuteReader())
        {
            while (reader.Read() && filled < rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var length = reader.GetBytes(2, 0, null, 0, 0);
                if (length != buffer.Length)
                {
                    throw new InvalidDataException($"Passage row {reader.GetInt64(0)} has a {length}-byte embedding; expected {buffer.Length}. Re-ingest with --rebuild.");
                }
                var documentId = reader.GetString(1);
                if (runs.Count == 0 || !string.Equals(runs[^1].DocumentId, documentId, StringComparison.Ordinal)) runs.Add((documentId, filled));
                reader.GetBytes(2, 0, buffer, 0, buffer.Length);
                rowIds[filled] = reader.GetInt64(0);
                EmbeddingBlob.Read(buffer, vectors.AsSpan(filled * dimensions, dimensions));
                filled++;
            }
        }
        transaction.Commit();
        return SnapshotFromRuns(documents, runs, rowIds, vectors, filled, dimensions);
    }

    private static VectorSnapshot SnapshotFromRuns(
        Dictionary<string, DocumentRecord> documents, List<(string DocumentId, int Start)> runs, long[] rowIds, float[] vectors, int filled, int dimensions)
    {
        var slots = new List<DocumentRecord>(documents.Count);
        var starts = new List<int>(documents.Count + 1);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var oneRunEach = filled == rowIds.Length;
        for (var i = 0; i < runs.Count; i++)
        {
            // Passages without a documents row cannot exist after a committed upsert; skip them if they do.
            if (!documents.TryGetValue(runs[i].DocumentId, out var document)) { oneRunEach = false; continue; }
            if (!placed.Add(document.Id)) oneRunEach = false;
            slots.Add(document);
            starts.Add(runs[i].Start);
        }
        if (oneRunEach && starts.Count == runs.Count)
        {
            // Documents without passages get empty slots at the end.
            foreach (var document in documents.Values.Where(d => !placed.Contains(d.Id)))
            {
                slots.Add(document);
                starts.Add(filled);
            }
            starts.Add(filled);
            return VectorSnapshot.FromBlock(VectorBlock.Wrap([.. slots], [.. starts], rowIds, vectors), dimensions);
        }

        // Unusual file (a document in several runs, orphan rows, rows added meanwhile): group by document with one copy.
        var pieces = new Dictionary<string, List<(int From, int To)>>(StringComparer.Ordinal);
        for (var i = 0; i < runs.Count; i++)
        {
            var end = i + 1 < runs.Count ? runs[i + 1].Start : filled;
            if (!documents.ContainsKey(runs[i].DocumentId)) continue;
            if (!pieces.TryGetValue(runs[i].DocumentId, out var list)) pieces[runs[i].DocumentId] = list = [];
            list.Add((runs[i].Start, end));
        }
        var sources = new List<DocumentSource>(documents.Count);
        foreach (var document in documents.Values)
        {
            if (!pieces.TryGetValue(document.Id, out var list)) { sources.Add(new DocumentSource(document, Array.Empty<long>(), Array.Empty<float>())); continue; }
            var ids = list.SelectMany(p => rowIds[p.From..p.To]).ToArray();
            var floats = list.SelectMany(p => vectors[(p.From * dimensions)..(p.To * dimensions)]).ToArray();
            sources.Add(new DocumentSource(document, ids, floats));
        }
        return VectorSnapshot.FromDocuments(sources, dimensions);
    }
}
