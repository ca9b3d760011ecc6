using System.Numerics.Tensors;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Embedded;

internal readonly record struct DenseCandidate(DocumentVectors Document, int Row, float Score)
{
    public long RowId => Document.RowIds[Row];
}

/// <summary>Exact top-k by dot product (cosine for unit vectors) over a snapshot, SIMD per row.</summary>
internal static class DenseScan
{
    public static DenseCandidate[] Top(VectorSnapshot snapshot, ReadOnlySpan<float> query, int top, SearchFilter filter)
    {
        var heap = new PriorityQueue<DenseCandidate, float>(top + 1);
        var dimensions = snapshot.Dimensions;
        foreach (var document in snapshot.Items)
        {
            // One metadata check per document, not per passage.
            if (!filter.IsEmpty && !filter.Matches(document.Document.Metadata)) continue;
            ScanDocument(document, query, dimensions, top, heap);
        }
        return Drain(heap);
    }

    private static void ScanDocument(DocumentVectors document, ReadOnlySpan<float> query, int dimensions, int top, PriorityQueue<DenseCandidate, float> heap)
    {
        ReadOnlySpan<float> vectors = document.Vectors;
        var threshold = heap.Count == top && heap.TryPeek(out _, out var lowest) ? lowest : float.NegativeInfinity;
        for (var row = 0; row < document.Count; row++)
        {
            var score = TensorPrimitives.Dot(vectors.Slice(row * dimensions, dimensions), query);
            if (heap.Count < top)
            {
                heap.Enqueue(new DenseCandidate(document, row, score), score);
                if (heap.Count == top) heap.TryPeek(out _, out threshold);
            }
            else if (score > threshold)
            {
                heap.DequeueEnqueue(new DenseCandidate(document, row, score), score);
                heap.TryPeek(out _, out threshold);
            }
        }
    }

    private static DenseCandidate[] Drain(PriorityQueue<DenseCandidate, float> heap)
    {
        // The heap pops lowest first; fill from the back for best first.
        var result = new DenseCandidate[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--) result[i] = heap.Dequeue();
        return result;
    }
}
