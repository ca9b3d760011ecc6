using PolicyBot.Core.Domain;
using PolicyBot.Core.Embedded;

namespace PolicyBot.Core.Tests.Embedded;

public sealed class VectorSnapshotTests
{
    private const int Dimensions = 8;

    [Fact]
    public void With_ReplacesADocumentInTheLargeBlock_OldRowsAreNoLongerFound()
    {
        var snapshot = VectorSnapshot.Create([Document("a", 1, 0.9f), Document("b", 2, 0.5f)], Dimensions);

        var next = snapshot.With(Document("a", 10, 0.1f));

        Assert.Equal([2L, 10L], DenseScan.Top(next, Query(), 10, SearchFilter.None).Select(c => c.RowId));
        // The earlier snapshot is untouched: a search that started on it still sees the old version.
        Assert.Equal([1L, 2L], DenseScan.Top(snapshot, Query(), 10, SearchFilter.None).Select(c => c.RowId));
        Assert.Equal(2, next.PassageCount);
    }

    [Fact]
    public void Without_RemovesTheDocumentFromSearchesAndCounts()
    {
        var snapshot = VectorSnapshot.Create([Document("a", 1, 0.9f), Document("b", 2, 0.5f)], Dimensions).With(Document("c", 3, 0.7f));

        var next = snapshot.Without("a").Without("c");

        Assert.Equal([2L], DenseScan.Top(next, Query(), 10, SearchFilter.None).Select(c => c.RowId));
        Assert.Equal(1, next.PassageCount);
        Assert.Same(next, next.Without("missing"));
    }

    [Fact]
    public void ManyUpserts_CompactIntoFewBlocks_AndKeepExactlyTheLatestVersions()
    {
        var snapshot = VectorSnapshot.Create([], Dimensions);
        var random = new Random(3);
        var latest = new Dictionary<string, (long RowId, float Score)>();
        long rowId = 0;
        for (var i = 0; i < 6_000; i++)
        {
            var id = $"d{random.Next(2_000)}";
            var score = (float)random.NextDouble();
            snapshot = snapshot.With(Document(id, ++rowId, score));
            latest[id] = (rowId, score);
            if (i % 97 == 0 && latest.Count > 0)
            {
                var gone = latest.Keys.First();
                snapshot = snapshot.Without(gone);
                latest.Remove(gone);
            }
        }

        Assert.True(snapshot.Blocks.Length <= 257, $"{snapshot.Blocks.Length} blocks");
        Assert.Equal(latest.Count, snapshot.PassageCount);
        var expected = latest.Values.OrderByDescending(v => v.Score).ThenBy(v => v.RowId).Take(40).Select(v => v.RowId);
        Assert.Equal(expected, DenseScan.Top(snapshot, Query(), 40, SearchFilter.None).Select(c => c.RowId));
    }

    // One passage per document whose similarity to the query is exactly score.
    private static DocumentVectors Document(string id, long rowId, float score)
    {
        var record = new DocumentRecord(id, "t", "p", new DocumentMetadata(), "h", DateTimeOffset.UnixEpoch, 1);
        var vector = new float[Dimensions];
        vector[0] = score;
        return new DocumentVectors(record, [rowId], vector);
    }

    private static float[] Query()
    {
        var query = new float[Dimensions];
        query[0] = 1;
        return query;
    }
}
