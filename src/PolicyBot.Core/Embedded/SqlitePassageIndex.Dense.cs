using System.Diagnostics;
using System.Text;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Embedded;

public sealed partial class SqlitePassageIndex
{
    private const int MaxDenseAttempts = 3;

    /// <summary>Test hook: runs between the vector scan and reading the passage rows.</summary>
    internal Func<Task>? AfterDenseScan { get; set; }

    public async Task<IReadOnlyList<PassageHit>> SearchDenseAsync(ReadOnlyMemory<float> query, int top, SearchFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var snapshot = Current;
        if (query.Length != snapshot.Dimensions)
        {
            throw new ArgumentException($"The query vector has {query.Length} dimensions; the index holds {snapshot.Dimensions}.", nameof(query));
        }
        if (top <= 0) return [];

        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            var candidates = DenseScan.Top(snapshot, query, top, filter);
            if (AfterDenseScan is { } hook) await hook();
            var passages = await ReadPassagesAsync(candidates, cancellationToken);
            if (passages.Count < candidates.Length && attempt < MaxDenseAttempts)
            {
                // Rows are gone (rowids are never reused): a writer committed after this scan took its
                // snapshot. An in-process writer swaps the snapshot right after its commit; rescan with it.
                var next = await NextSnapshotAsync(snapshot, cancellationToken);
                if (!ReferenceEquals(next, snapshot))
                {
                    _logger.DenseSearchRescan(attempt);
                    snapshot = next;
                    continue;
                }
            }
            if (passages.Count < candidates.Length) _logger.DenseSearchStale(FilePath);

            var hits = new List<PassageHit>(candidates.Length);
            foreach (var candidate in candidates)
            {
                if (passages.TryGetValue(candidate.RowId, out var passage))
                {
                    hits.Add(new PassageHit(passage, candidate.Document, candidate.Score));
                }
            }
            _logger.DenseSearched(snapshot.PassageCount, hits.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return hits;
        }
    }

    /// <summary>The snapshot after the in-process write in flight, if any; the same one when no writer is active.</summary>
    private async Task<VectorSnapshot> NextSnapshotAsync(VectorSnapshot seen, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 1_000 && ReferenceEquals(_snapshot, seen) && _writeGate.CurrentCount == 0; i++)
        {
            await Task.Delay(1, cancellationToken);
        }
        return Current;
    }

    private async Task<Dictionary<long, Passage>> ReadPassagesAsync(DenseCandidate[] candidates, CancellationToken cancellationToken)
    {
        var passages = new Dictionary<long, Passage>(candidates.Length);
        if (candidates.Length == 0) return passages;

        var ids = new StringBuilder("[");
        foreach (var candidate in candidates)
        {
            if (ids.Length > 1) ids.Append(',');
            ids.Append(candidate.RowId);
        }
        ids.Append(']');

        await using var connection = await OpenAsync(cancellationToken);
        using var command = Command(connection, null,
            $"SELECT rowid, {PassageColumns} FROM passages WHERE rowid IN (SELECT value FROM json_each($ids));");
        command.Parameters.AddWithValue("$ids", ids.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) passages[reader.GetInt64(0)] = ReadPassage(reader, 1);
        return passages;
    }
}
