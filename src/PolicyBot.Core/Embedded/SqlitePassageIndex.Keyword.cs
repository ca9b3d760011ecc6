using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Embedded;

public sealed partial class SqlitePassageIndex
{
    // bm25 weights in FTS column order (text, heading, title): a hit in a heading or the title counts a bit more.
    private const string Bm25 = "bm25(passages_fts, 1.0, 1.5, 1.25)";

    /// <summary>
    /// A term in more than this share of passages is left out of the keyword query. FTS5's bm25 gives a term in half the
    /// passages or more an idf of about zero, so such terms barely move the ranking, yet OR-ing them makes FTS5 score most rows.
    /// </summary>
    internal const double CommonTermShare = 0.5;

    /// <summary>
    /// FTS5's cost grows with the rows the OR query matches (each is scored and sorted, about a microsecond each). Terms are
    /// kept rarest first while the passages they occur in add up to at most this share of the index, or
    /// <see cref="MinMatchedRowsBudget"/> rows if that is more (so small indexes keep every informative term); the rarest
    /// term, and any term in at most <see cref="RareTermShare"/> of passages, is always kept. Rare terms carry most of the bm25 weight.
    /// </summary>
    internal const double MatchedRowsBudgetShare = 0.25;

    internal const int MinMatchedRowsBudget = 5_000;

    internal const double RareTermShare = 0.01;

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

    private readonly TermFrequencyCache _termFrequencies = new();

    public async Task<IReadOnlyList<PassageHit>> SearchKeywordAsync(string query, int top, SearchFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var indexSize = Current.PassageCount;
        var terms = FtsQuery.Terms(query);
        if (terms.Count == 0 || top <= 0) return [];

        var started = Stopwatch.GetTimestamp();
        await using var connection = await OpenAsync(cancellationToken);
        var selected = await SelectTermsAsync(connection, terms, indexSize, prune: filter.IsEmpty, cancellationToken);
        if (selected.Count == 0)
        {
            _logger.KeywordSearched(terms.Count, 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return [];
        }

        // Without a filter SQLite can stop at top; with one, read ranked rows until enough pass it.
        // One statement reads one consistent state of the file, so a hit never mixes two versions.
        using var command = Command(connection, null, filter.IsEmpty ? KeywordTopSql : KeywordSql + ";");
        command.Parameters.AddWithValue("$match", string.Join(" OR ", selected));
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
        _logger.KeywordSearched(selected.Count, hits.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return hits;
    }

    /// <summary>
    /// The terms worth asking FTS5 for: terms found in no passage are dropped (they match nothing), and so are terms outside
    /// <see cref="KeepInformativeTerms"/> (common ones, and those over the matched-rows budget). A filtered search keeps every occurring term:
    /// frequencies are counted over the whole index, and a term common there may be what sets the filtered documents apart.
    /// </summary>
    private async Task<List<string>> SelectTermsAsync(SqliteConnection connection, IReadOnlyList<string> terms, int indexSize, bool prune, CancellationToken cancellationToken)
    {
        var occurring = new List<(string Term, long Passages)>(terms.Count);
        foreach (var term in terms)
        {
            var passages = await PassagesWithTermAsync(connection, term, indexSize, cancellationToken);
            if (passages > 0) occurring.Add((term, passages));
        }
        var kept = prune ? KeepInformativeTerms(occurring, indexSize) : [.. occurring.Select(t => t.Term)];
        if (kept.Count < occurring.Count) _logger.KeywordCommonTermsSkipped(occurring.Count - kept.Count, occurring.Count);
        return kept;
    }

    /// <summary>The terms to search for, in the query's order; see <see cref="CommonTermShare"/> and <see cref="MatchedRowsBudgetShare"/>.</summary>
    internal static List<string> KeepInformativeTerms(IReadOnlyList<(string Term, long Passages)> occurring, int indexSize)
    {
        if (occurring.Count == 0) return [];
        var common = indexSize * CommonTermShare;
        var rare = indexSize * RareTermShare;
        var budget = Math.Max(MinMatchedRowsBudget, indexSize * MatchedRowsBudgetShare);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        long matched = 0;
        foreach (var (term, passages) in occurring.OrderBy(t => t.Passages))
        {
            var first = keep.Count == 0;
            if (!first && passages >= common) break;
            if (first || passages <= rare || matched + passages <= budget)
            {
                keep.Add(term);
                matched += passages;
            }
        }
        return [.. occurring.Select(t => t.Term).Where(keep.Contains)];
    }

    private async Task<long> PassagesWithTermAsync(SqliteConnection connection, string quotedTerm, int indexSize, CancellationToken cancellationToken)
    {
        var key = quotedTerm.ToLowerInvariant();
        if (_termFrequencies.TryGet(key, indexSize, out var cached)) return cached;
        using var count = Command(connection, null, "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH $term;");
        count.Parameters.AddWithValue("$term", quotedTerm);
        var passages = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        _termFrequencies.Set(key, passages, indexSize);
        return passages;
    }
}
