using System.Globalization;
using Microsoft.Data.Sqlite;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Embedded;

public sealed partial class SqlitePassageIndex
{
    // Column lists shared by every reader; ReadDocument / ReadPassage take the offset of the first column.
    private const string DocumentColumns = "id, title, source_path, metadata, content_hash, ingested_at, passage_count";
    private const int DocumentColumnCount = 7;
    private const string PassageColumns = "id, document_id, ordinal, heading, text";
    private const int PassageColumnCount = 5;

    public async Task<IReadOnlyList<DocumentRecord>> ListDocumentsAsync(CancellationToken cancellationToken)
    {
        _ = Current;
        await using var connection = await OpenAsync(cancellationToken);
        using var command = Command(connection, null, $"SELECT {DocumentColumns} FROM documents ORDER BY id;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<DocumentRecord>();
        while (await reader.ReadAsync(cancellationToken)) documents.Add(ReadDocument(reader, 0));
        return documents;
    }

    public async Task<DocumentRecord?> GetDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        _ = Current;
        await using var connection = await OpenAsync(cancellationToken);
        using var command = Command(connection, null, $"SELECT {DocumentColumns} FROM documents WHERE id = $id;");
        command.Parameters.AddWithValue("$id", documentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadDocument(reader, 0) : null;
    }

    public async Task<IReadOnlyList<Passage>> GetPassagesAsync(string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        _ = Current;
        await using var connection = await OpenAsync(cancellationToken);
        using var command = Command(connection, null, $"SELECT {PassageColumns} FROM passages WHERE document_id = $id ORDER BY ordinal, id;");
        command.Parameters.AddWithValue("$id", documentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var passages = new List<Passage>();
        while (await reader.ReadAsync(cancellationToken)) passages.Add(ReadPassage(reader, 0));
        return passages;
    }

    public async Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        _ = Current;
        await using var connection = await OpenAsync(cancellationToken);
        using var command = Command(connection, null, """
            SELECT (SELECT COUNT(*) FROM documents),
                   (SELECT COUNT(*) FROM passages),
                   (SELECT ingested_at FROM documents ORDER BY ingested_at_utc DESC LIMIT 1);
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new IndexStats(
            reader.GetInt32(0),
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : ParseTimestamp(reader.GetString(2)),
            _modelId);
    }

    private static DocumentRecord ReadDocument(SqliteDataReader reader, int offset) => new(
        reader.GetString(offset),
        reader.GetString(offset + 1),
        reader.GetString(offset + 2),
        MetadataJson.Deserialize(reader.GetString(offset + 3)),
        reader.GetString(offset + 4),
        ParseTimestamp(reader.GetString(offset + 5)),
        reader.GetInt32(offset + 6));

    private static Passage ReadPassage(SqliteDataReader reader, int offset) => new(
        reader.GetString(offset),
        reader.GetString(offset + 1),
        reader.GetInt32(offset + 2),
        reader.IsDBNull(offset + 3) ? null : reader.GetString(offset + 3),
        reader.GetString(offset + 4));

    // Round-trip format keeps ticks and offset exactly; ingested_at_utc orders across offsets.
    private static string FormatTimestamp(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTimestamp(string value) =>
        DateTimeOffset.ParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
