using PolicyBot.Core.Domain;
using PolicyBot.Core.Embedded;

namespace PolicyBot.Core.Tests.Embedded;

public sealed class DenseScanTests
{
    private const int Dimensions = 384;

    [Theory]
    [InlineData(3, 10)]       // small: single-threaded scan
    [InlineData(60, 180)]     // 10,800 × 384 floats: above the parallel threshold, so heaps are merged
    public void Top_RandomVectors_MatchesBruteForce(int documents, int passagesPerDocument)
    {
        var random = new Random(7);
        var all = Enumerable.Range(0, documents).Select(d => MakeDocument(random, d, passagesPerDocument)).ToList();
        var snapshot = VectorSnapshot.Create(all, Dimensions);
        var query = RandomVector(random);

        foreach (var filter in new[] { SearchFilter.None, new SearchFilter { Jurisdiction = "odd" } })
        {
            var expected = all
                .Where(d => filter.Matches(d.Document.Metadata))
                .SelectMany(d => Enumerable.Range(0, d.Count).Select(row => (d.RowIds[row], Score: Dot(d.Vectors.AsSpan(row * Dimensions, Dimensions), query))))
                .OrderByDescending(x => x.Score)
                .Take(25)
                .ToList();

            var actual = DenseScan.Top(snapshot, query, 25, filter);

            Assert.Equal(expected.Select(x => x.Item1), actual.Select(c => c.RowId));
            Assert.All(actual.Zip(expected), pair => Assert.Equal(pair.Second.Score, pair.First.Score, 4));
        }
    }

    [Fact]
    public void Top_FewerRowsThanTop_ReturnsAllBestFirst()
    {
        var snapshot = VectorSnapshot.Create([MakeDocument(new Random(1), 0, 4)], Dimensions);

        var actual = DenseScan.Top(snapshot, RandomVector(new Random(2)), 10, SearchFilter.None);

        Assert.Equal(4, actual.Length);
        Assert.Equal(actual.Select(c => c.Score).OrderDescending(), actual.Select(c => c.Score));
    }

    private static DocumentVectors MakeDocument(Random random, int index, int passages)
    {
        var metadata = new DocumentMetadata { Jurisdiction = index % 2 == 1 ? "odd" : "even" };
        var record = new DocumentRecord($"d{index}", "t", "p", metadata, "h", DateTimeOffset.UnixEpoch, passages);
        var vectors = Enumerable.Range(0, passages).SelectMany(_ => RandomVector(random)).ToArray();
        var rowIds = Enumerable.Range(0, passages).Select(row => (long)index * 1_000 + row).ToArray();
        return new DocumentVectors(record, rowIds, vectors);
    }

    private static float[] RandomVector(Random random)
    {
        var vector = Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var length = MathF.Sqrt(vector.Sum(x => x * x));
        return [.. vector.Select(x => x / length)];
    }

    private static float Dot(ReadOnlySpan<float> a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return (float)sum;
    }
}
