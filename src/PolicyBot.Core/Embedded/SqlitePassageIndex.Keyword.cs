using System.Diagnostics;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Embedded;

public sealed partial class SqlitePassageIndex
{
    // bm25 weights in FTS column order (text, heading, title): a hit in a heading or the title counts a bit more.
    private const string Bm25 = "bm25(passages_fts, 1.0, 1.5, 1.25)";

    private static readonly string KeywordSql = $"""
        SELECT p.{PassageColumns.Replace(", ", ", p.", StringComparison.Ordinal)},
               d.{DocumentColumns.Replace(", ", ", d.", StringComparison.Ordinal)},
               -{Bm25} AS score
        FROM passages_fts
        JOIN passages p ON p.rowid = passages_fts.rowid
        JOIN documents d ON d.id = p.document_id
        WHERE passages_fts MATCH $match
        ORDER BY score DESC, p.rowid
        """;

    // Unfiltered: rank inside FTS5 first and join only the top rows. Joining before the sort made SQLite carry every
    // matching passage's text through the sorter, which dominated keyword search on large corpora.
    private static readonly string KeywordTopSql = $"""
        SELECT p.{PassageColumns.Replace(", ", ", p.", StringComparison.Ordinal)},
               d.{DocumentColumns.Replace(", ", ", d.", StringComparison.Ordinal)},
               hits.score
        FROM (SELECT rowid, -{Bm25} AS score FROM passages_fts WHERE passages_fts MATCH $match ORDER BY score DESC, rowid LIMIT $top) AS hits
        JOIN passages p ON p.rowid = hits.rowid
        JOIN documents d ON d.id = p.document_id
        ORDER BY hits.score DESC, p.rowid;
        """;

    public async Task<IReadOnlyList<PassageHit>> SearchKeywordAsync(string query, int top, SearchFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _ = Current;
        var terms = FtsQuery.Terms(query);
        if (terms.Count == 0 || top <= 0) return [];

        var started = Stopwatch.GetTimestamp();
        await using var connection = await OpenAsync(cancellationToken);
        // Without a filter SQLite can stop at top; with one, read ranked rows until enough pass it.
        // One statement reads one consistent state of the file, so a hit never mixes two versions.
        using var command = Command(connection, null, filter.IsEmpty ? KeywordTopSql : KeywordSql + ";");
        command.Parameters.AddWithValue("$match", string.Join(" OR ", terms));
        if (filter.IsEmpty) command.Parameters.AddWithValue("$top", top);

        var hits = new List<PassageHit>(Math.Min(top, 64));
        var documents = new Dictionary<string, (DocumentRecord Record, bool Matches)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (hits.Count < top && await reader.ReadAsync(cancellationToken))
        {
            var documentId = reader.GetString(1);
            if (!documents.TryGetValue(documentId, out var document))
            {
                var record = ReadDocument(reader, PassageColumnCount);
                document = (record, filter.IsEmpty || filter.Matches(record.Metadata));
                documents.Add(documentId, document);
            }
            if (!document.Matches) continue;
            var score = reader.GetDouble(PassageColumnCount + DocumentColumnCount);
            hits.Add(new PassageHit(ReadPassage(reader, 0), document.Record, score));
        }
        _logger.KeywordSearched(terms.Count, hits.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return hits;
    }
}
