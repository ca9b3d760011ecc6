using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Embedded;

/// <summary>A document as stored in the embedded index: its record, its passages by ordinal, and each passage's stored vector.</summary>
public sealed record ExportedDocument(DocumentRecord Document, IReadOnlyList<Passage> Passages, IReadOnlyList<float[]> Embeddings);

/// <summary>The embedding model an index file was built with.</summary>
public sealed record StoredEmbeddingModel(string ModelId, int Dimensions);

// Reading the file out, for `policybot index migrate`: no InitializeAsync needed, so nothing is loaded into memory and no
// embedder is involved.
public sealed partial class SqlitePassageIndex
{
    /// <summary>The model recorded in the file, or null when the file does not exist or holds no index yet.</summary>
    public async Task<StoredEmbeddingModel?> ReadStoredModelAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!File.Exists(FilePath)) return null;
        await using var connection = await OpenAsync(cancellationToken);
        var version = Convert.ToInt32(Scalar(connection, null, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version == 0) return null;
        if (version != SchemaVersion)
        {
            throw new Retrieval.IndexMismatchException(
                $"The index file '{FilePath}' has schema version {version}, but this PolicyBot reads version {SchemaVersion}.");
        }
        var model = Scalar(connection, null, $"SELECT value FROM meta WHERE key = '{ModelKey}';") as string;
        var dimensions = Convert.ToInt32(Scalar(connection, null, $"SELECT value FROM meta WHERE key = '{DimensionsKey}';"), CultureInfo.InvariantCulture);
        return model is null ? null : new StoredEmbeddingModel(model, dimensions);
    }

    /// <summary>
    /// Every document with its passages and stored vectors, in id order, one document at a time, all from one consistent
    /// read of the file (a concurrent ingestion commits either wholly before or wholly after it).
    /// </summary>
    public async IAsyncEnumerable<ExportedDocument> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var model = await ReadStoredModelAsync(cancellationToken);
        if (model is null) yield break;

        await using var connection = await OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: true);
        var documents = new List<DocumentRecord>();
        using (var list = Command(connection, transaction, $"SELECT {DocumentColumns} FROM documents ORDER BY id;"))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read()) documents.Add(ReadDocument(reader, 0));
        }

        using var passagesCommand = Command(connection, transaction,
            $"SELECT {PassageColumns}, embedding FROM passages WHERE document_id = $id ORDER BY ordinal, id;");
        var id = passagesCommand.Parameters.Add("$id", SqliteType.Text);
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            id.Value = document.Id;
            var passages = new List<Passage>();
            var embeddings = new List<float[]>();
            using (var reader = passagesCommand.ExecuteReader())
            {
                while (reader.Read())
                {
                    passages.Add(ReadPassage(reader, 0));
                    var vector = new float[model.Dimensions];
                    EmbeddingBlob.Read((byte[])reader.GetValue(PassageColumnCount), vector);
                    embeddings.Add(vector);
                }
            }
            yield return new ExportedDocument(document, passages, embeddings);
        }
        transaction.Commit();
    }
}
