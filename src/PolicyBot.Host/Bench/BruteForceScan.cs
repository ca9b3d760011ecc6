using System.Numerics.Tensors;
using PolicyBot.Core.Embedded;

namespace PolicyBot.Host.Bench;

/// <summary>
/// The physical limit for exact dense search on this machine: every vector in one contiguous float[], one
/// <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/> per row, a bounded min-heap for the top k.
/// Nothing else (no metadata, no passage rows), so the index's dense search can be compared against it.
/// </summary>
internal sealed class BruteForceScan
{
    private readonly float[] _matrix;
    private readonly int _dimensions;

    private BruteForceScan(float[] matrix, int dimensions, int rows)
    {
        _matrix = matrix;
        _dimensions = dimensions;
        Rows = rows;
    }

    public int Rows { get; }

    public static async Task<BruteForceScan> LoadAsync(SqlitePassageIndex index, int dimensions, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>();
        await foreach (var document in index.ExportAsync(cancellationToken)) vectors.AddRange(document.Embeddings);
        var matrix = new float[vectors.Count * dimensions];
        for (var i = 0; i < vectors.Count; i++) vectors[i].CopyTo(matrix, i * dimensions);
        return new BruteForceScan(matrix, dimensions, vectors.Count);
    }

    /// <summary>The best <paramref name="top"/> scores, best first, scanning with <paramref name="workers"/> threads.</summary>
    public float[] Top(ReadOnlySpan<float> query, int top, int workers = 1)
    {
        if (workers <= 1) return Drain(Scan(query, 0, Rows, top));
        var queryCopy = query.ToArray();
        var heaps = new PriorityQueue<int, float>[workers];
        Parallel.For(0, workers, w => heaps[w] = Scan(queryCopy, (int)((long)Rows * w / workers), (int)((long)Rows * (w + 1) / workers), top));
        var merged = heaps[0];
        for (var w = 1; w < workers; w++)
            foreach (var (row, score) in heaps[w].UnorderedItems) Offer(merged, row, score, top);
        return Drain(merged);
    }

    private PriorityQueue<int, float> Scan(ReadOnlySpan<float> query, int from, int to, int top)
    {
        var heap = new PriorityQueue<int, float>(top + 1);
        ReadOnlySpan<float> matrix = _matrix;
        for (var row = from; row < to; row++)
            Offer(heap, row, TensorPrimitives.Dot(matrix.Slice(row * _dimensions, _dimensions), query), top);
        return heap;
    }

    private static void Offer(PriorityQueue<int, float> heap, int row, float score, int top)
    {
        if (heap.Count < top) heap.Enqueue(row, score);
        else if (heap.TryPeek(out _, out var lowest) && score > lowest) heap.DequeueEnqueue(row, score);
    }

    private static float[] Drain(PriorityQueue<int, float> heap)
    {
        var scores = new float[heap.Count];
        for (var i = scores.Length - 1; i >= 0; i--)
        {
            heap.TryDequeue(out _, out var score);
            scores[i] = score;
        }
        return scores;
    }
}
