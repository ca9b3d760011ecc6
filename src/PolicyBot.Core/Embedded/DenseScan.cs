using System.Numerics.Tensors;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Embedded;

internal readonly record struct DenseCandidate(DocumentRecord Document, long RowId, float Score);

/// <summary>
/// Exact top-k by dot product (cosine for unit vectors) over a snapshot: one <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
/// per row straight over each block's contiguous vectors, a bounded min-heap per worker, no allocation per row.
/// A filter is applied once per document slot, so rows of excluded documents are never scored.
/// </summary>
internal static class DenseScan
{
    // The scan is memory-bound; below ~16 MB of vectors forking a second worker costs more than it saves.
    private const long ParallelMinFloats = 4_000_000;
    private static readonly int MaxWorkers = Math.Clamp(Environment.ProcessorCount, 1, 4);

    public static DenseCandidate[] Top(VectorSnapshot snapshot, ReadOnlyMemory<float> query, int top, SearchFilter filter)
    {
        if (top <= 0 || snapshot.PassageCount == 0) return [];
        var workers = (long)snapshot.PassageCount * snapshot.Dimensions >= ParallelMinFloats ? MaxWorkers : 1;
        if (workers <= 1)
        {
            var heap = new TopHeap(top);
            Scan(snapshot, query.Span, filter, 0, 1, heap);
            return heap.Drain();
        }

        var heaps = new TopHeap[workers];
        Parallel.For(0, workers, w =>
        {
            heaps[w] = new TopHeap(top);
            Scan(snapshot, query.Span, filter, w, workers, heaps[w]);
        });
        for (var w = 1; w < workers; w++) heaps[0].Merge(heaps[w]);
        return heaps[0].Drain();
    }

    /// <summary>Worker <paramref name="worker"/> of <paramref name="workers"/> scans its share of every block's slots.</summary>
    private static void Scan(VectorSnapshot snapshot, ReadOnlySpan<float> query, SearchFilter filter, int worker, int workers, TopHeap heap)
    {
        var dimensions = snapshot.Dimensions;
        foreach (var view in snapshot.Blocks)
        {
            var block = view.Block;
            var (from, to) = SlotRange(block, worker, workers);
            ReadOnlySpan<float> vectors = block.Vectors;
            var checkSlots = view.DeadSlots is not null || !filter.IsEmpty;
            for (var slot = from; slot < to; slot++)
            {
                if (checkSlots && (!view.IsLive(slot) || (!filter.IsEmpty && !filter.Matches(block.Documents[slot].Metadata)))) continue;
                var end = block.Starts[slot + 1];
                for (var row = block.Starts[slot]; row < end; row++)
                {
                    var score = TensorPrimitives.Dot(vectors.Slice(row * dimensions, dimensions), query);
                    if (score > heap.Threshold) heap.Offer(block, slot, row, score);
                }
            }
        }
    }

    /// <summary>Slots whose rows fall in this worker's equal share of the block's rows.</summary>
    private static (int From, int To) SlotRange(VectorBlock block, int worker, int workers)
    {
        if (workers == 1) return (0, block.Slots);
        return (FirstSlotAtOrAfter(block, (int)((long)block.Rows * worker / workers)),
                FirstSlotAtOrAfter(block, (int)((long)block.Rows * (worker + 1) / workers)));
    }

    private static int FirstSlotAtOrAfter(VectorBlock block, int row)
    {
        var index = Array.BinarySearch(block.Starts, 0, block.Slots, row);
        if (index >= 0)
        {
            // Empty documents share a start; take the first slot with it.
            while (index > 0 && block.Starts[index - 1] == row) index--;
            return index;
        }
        return ~index;
    }

    /// <summary>A bounded min-heap of the best scores seen; the root is the score a new row must beat once full.</summary>
    private sealed class TopHeap(int capacity)
    {
        private readonly float[] _scores = new float[capacity];
        private readonly (VectorBlock Block, int Slot, int Row)[] _rows = new (VectorBlock, int, int)[capacity];
        private int _count;

        public float Threshold { get; private set; } = float.NegativeInfinity;

        public void Offer(VectorBlock block, int slot, int row, float score)
        {
            if (_count < capacity)
            {
                var i = _count++;
                while (i > 0)
                {
                    var parent = (i - 1) >> 1;
                    if (_scores[parent] <= score) break;
                    _scores[i] = _scores[parent];
                    _rows[i] = _rows[parent];
                    i = parent;
                }
                _scores[i] = score;
                _rows[i] = (block, slot, row);
                if (_count == capacity) Threshold = _scores[0];
                return;
            }
            SiftDownFromRoot(score, (block, slot, row));
            Threshold = _scores[0];
        }

        public void Merge(TopHeap other)
        {
            for (var i = 0; i < other._count; i++)
            {
                if (other._scores[i] > Threshold) Offer(other._rows[i].Block, other._rows[i].Slot, other._rows[i].Row, other._scores[i]);
            }
        }

        /// <summary>Best first; ties keep the lower passage row first so results do not depend on the worker split.</summary>
        public DenseCandidate[] Drain()
        {
            var result = new DenseCandidate[_count];
            for (var i = 0; i < _count; i++)
            {
                var (block, slot, row) = _rows[i];
                result[i] = new DenseCandidate(block.Documents[slot], block.RowIds[row], _scores[i]);
            }
            Array.Sort(result, static (a, b) => b.Score.CompareTo(a.Score) is var c and not 0 ? c : a.RowId.CompareTo(b.RowId));
            return result;
        }

        // Replace the root (the lowest kept score) and restore the heap order.
        private void SiftDownFromRoot(float score, (VectorBlock, int, int) row)
        {
            var i = 0;
            while (true)
            {
                var child = 2 * i + 1;
                if (child >= _count) break;
                if (child + 1 < _count && _scores[child + 1] < _scores[child]) child++;
                if (_scores[child] >= score) break;
                _scores[i] = _scores[child];
                _rows[i] = _rows[child];
                i = child;
            }
            _scores[i] = score;
            _rows[i] = row;
        }
    }
}
