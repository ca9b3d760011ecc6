using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Embedded;

public sealed partial class SqlitePassageIndex
{
    public async Task UpsertDocumentAsync(DocumentRecord document, IReadOnlyList<Passage> passages, IReadOnlyList<float[]> embeddings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(document.Metadata);
        var dimensions = Current.Dimensions;
        ValidateUpsert(document, passages, embeddings, dimensions);

        var started = Stopwatch.GetTimestamp();
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            DocumentVectors vectors;
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                try
                {
                    DeletePassages(connection, transaction, document.Id);
                    var rowIds = InsertPassages(connection, transaction, document, passages, embeddings, cancellationToken);
                    BeforeDocumentRowWritten?.Invoke(document.Id);
                    cancellationToken.ThrowIfCancellationRequested();
                    // Last, so the new content hash is never stored over old passages.
                    var metadata = MetadataJson.Serialize(document.Metadata);
                    WriteDocumentRow(connection, transaction, document, metadata);
                    // Keep what the file holds, not the caller's (possibly mutable) lists.
                    var stored = document with { Metadata = MetadataJson.Deserialize(metadata) };
                    vectors = new DocumentVectors(stored, rowIds, Flatten(embeddings, dimensions));
                    transaction.Commit();
                }
                catch (Exception ex)
                {
                    // Disposing the uncommitted transaction rolls it back.
                    _logger.UpsertRolledBack(ex, document.Id);
                    throw;
                }
            }
            _snapshot = _snapshot!.With(vectors);
        }
        finally
        {
            _writeGate.Release();
        }
        _logger.DocumentUpserted(document.Id, passages.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public async Task DeleteDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        _ = Current;
        await _writeGate.WaitAsync(cancellationToken);
        int removed;
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                removed = DeletePassages(connection, transaction, documentId);
                using var command = Command(connection, transaction, "DELETE FROM documents WHERE id = $id;");
                command.Parameters.AddWithValue("$id", documentId);
                command.ExecuteNonQuery();
                transaction.Commit();
            }
            _snapshot = _snapshot!.Without(documentId);
        }
        finally
        {
            _writeGate.Release();
        }
        _logger.DocumentDeleted(documentId, removed);
    }

    private static void ValidateUpsert(DocumentRecord document, IReadOnlyList<Passage> passages, IReadOnlyList<float[]> embeddings, int dimensions)
    {
        if (passages.Count != embeddings.Count)
        {
            throw new ArgumentException($"{passages.Count} passages but {embeddings.Count} embeddings for document '{document.Id}'.", nameof(embeddings));
        }
        for (var i = 0; i < passages.Count; i++)
        {
            if (!string.Equals(passages[i].DocumentId, document.Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Passage '{passages[i].Id}' belongs to '{passages[i].DocumentId}', not '{document.Id}'.", nameof(passages));
            }
            if (embeddings[i] is null || embeddings[i].Length != dimensions)
            {
                throw new ArgumentException($"Embedding {i} of document '{document.Id}' has {embeddings[i]?.Length ?? 0} dimensions; the index expects {dimensions}.", nameof(embeddings));
            }
        }
    }

    private static int DeletePassages(SqliteConnection connection, SqliteTransaction transaction, string documentId)
    {
        using var fts = Command(connection, transaction,
            "DELETE FROM passages_fts WHERE rowid IN (SELECT rowid FROM passages WHERE document_id = $id);");
        fts.Parameters.AddWithValue("$id", documentId);
        fts.ExecuteNonQuery();

        using var rows = Command(connection, transaction, "DELETE FROM passages WHERE document_id = $id;");
        rows.Parameters.AddWithValue("$id", documentId);
        return rows.ExecuteNonQuery();
    }

    private static long[] InsertPassages(SqliteConnection connection, SqliteTransaction transaction, DocumentRecord document,
        IReadOnlyList<Passage> passages, IReadOnlyList<float[]> embeddings, CancellationToken cancellationToken)
    {
        using var row = Command(connection, transaction, """
            INSERT INTO passages (id, document_id, ordinal, heading, text, embedding)
            VALUES ($id, $documentId, $ordinal, $heading, $text, $embedding)
            RETURNING rowid;
            """);
        var id = row.Parameters.Add("$id", SqliteType.Text);
        row.Parameters.AddWithValue("$documentId", document.Id);
        var ordinal = row.Parameters.Add("$ordinal", SqliteType.Integer);
        var heading = row.Parameters.Add("$heading", SqliteType.Text);
        var text = row.Parameters.Add("$text", SqliteType.Text);
        var embedding = row.Parameters.Add("$embedding", SqliteType.Blob);

        using var fts = Command(connection, transaction,
            "INSERT INTO passages_fts (rowid, text, heading, title) VALUES ($rowid, $text, $heading, $title);");
        var ftsRowId = fts.Parameters.Add("$rowid", SqliteType.Integer);
        var ftsText = fts.Parameters.Add("$text", SqliteType.Text);
        var ftsHeading = fts.Parameters.Add("$heading", SqliteType.Text);
        fts.Parameters.AddWithValue("$title", document.Title);

        var rowIds = new long[passages.Count];
        for (var i = 0; i < passages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var passage = passages[i];
            id.Value = passage.Id;
            ordinal.Value = passage.Ordinal;
            heading.Value = (object?)passage.Heading ?? DBNull.Value;
            text.Value = passage.Text;
            embedding.Value = EmbeddingBlob.ToBytes(embeddings[i]);
            rowIds[i] = (long)row.ExecuteScalar()!;

            ftsRowId.Value = rowIds[i];
            ftsText.Value = passage.Text;
            ftsHeading.Value = heading.Value;
            fts.ExecuteNonQuery();
        }
        return rowIds;
    }

    private static void WriteDocumentRow(SqliteConnection connection, SqliteTransaction transaction, DocumentRecord document, string metadataJson)
    {
        using var command = Command(connection, transaction, """
            INSERT INTO documents (id, title, source_path, metadata, content_hash, ingested_at, ingested_at_utc, passage_count)
            VALUES ($id, $title, $sourcePath, $metadata, $contentHash, $ingestedAt, $ingestedAtUtc, $passageCount)
            ON CONFLICT (id) DO UPDATE SET
                title = excluded.title, source_path = excluded.source_path, metadata = excluded.metadata,
                content_hash = excluded.content_hash, ingested_at = excluded.ingested_at,
                ingested_at_utc = excluded.ingested_at_utc, passage_count = excluded.passage_count;
            """);
        command.Parameters.AddWithValue("$id", document.Id);
        command.Parameters.AddWithValue("$title", document.Title);
        command.Parameters.AddWithValue("$sourcePath", document.SourcePath);
        command.Parameters.AddWithValue("$metadata", metadataJson);
        command.Parameters.AddWithValue("$contentHash", document.ContentHash);
        command.Parameters.AddWithValue("$ingestedAt", FormatTimestamp(document.IngestedAt));
        command.Parameters.AddWithValue("$ingestedAtUtc", document.IngestedAt.UtcTicks);
        command.Parameters.AddWithValue("$passageCount", document.PassageCount);
        command.ExecuteNonQuery();
    }

    private static float[] Flatten(IReadOnlyList<float[]> embeddings, int dimensions)
    {
        var matrix = new float[embeddings.Count * dimensions];
        for (var i = 0; i < embeddings.Count; i++) embeddings[i].CopyTo(matrix, i * dimensions);
        return matrix;
    }
}
