using System.Collections.Immutable;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Embedded;

/// <summary>One document's passage vectors as written: row <c>i</c> of <see cref="Vectors"/> belongs to <c>RowIds[i]</c>.</summary>
internal sealed record DocumentVectors(DocumentRecord Document, long[] RowIds, float[] Vectors)
{
    public int Count => RowIds.Length;
}

/// <summary>Where a document's rows are: a slot of one of the snapshot's blocks.</summary>
internal readonly record struct DocumentLocation(VectorBlock Block, int Slot);

/// <summary>A block as one snapshot sees it: slots whose document was replaced or deleted since are marked dead.</summary>
internal readonly record struct BlockView(VectorBlock Block, ulong[]? DeadSlots)
{
    public bool IsLive(int slot) => DeadSlots is null || (DeadSlots[slot >> 6] & (1UL << slot)) == 0;
}

/// <summary>
/// An immutable view of every vector in the index. Most rows sit in one large contiguous block (built when the index opens
/// and again on compaction); each upsert since adds a small block and marks the document's old slot dead.
/// Writers build a new snapshot and swap it in after their transaction commits; searches keep whichever snapshot they
/// started with, so they never see half an upsert.
/// </summary>
internal sealed class VectorSnapshot
{
    // Merge every block into one when the small blocks hold this many rows, or a quarter of the rows, whichever is more;
    // the total copy work over a bulk ingestion stays a small multiple of the corpus.
    private const int MinRowsBeforeCompaction = 4_096;
    private const int MaxBlocks = 256;

    private VectorSnapshot(ImmutableDictionary<string, DocumentLocation> documents, BlockView[] blocks, int dimensions, int passageCount, int deadRows)
    {
        Documents = documents;
        Blocks = blocks;
        Dimensions = dimensions;
        PassageCount = passageCount;
        DeadRows = deadRows;
    }

    public ImmutableDictionary<string, DocumentLocation> Documents { get; }

    /// <summary>The blocks to scan; never modified after the snapshot is built.</summary>
    public BlockView[] Blocks { get; }
    public int Dimensions { get; }
    public int PassageCount { get; }

    /// <summary>Rows still held in memory for documents that were replaced or deleted (freed at the next compaction).</summary>
    public int DeadRows { get; }

    public static VectorSnapshot Create(IEnumerable<DocumentVectors> documents, int dimensions) =>
        FromSources([.. documents.Select(DocumentSource.From)], dimensions);

    /// <summary>Documents by id over slices of one loaded block; see <see cref="FromSources"/>.</summary>
    public static VectorSnapshot FromDocuments(List<DocumentSource> documents, int dimensions) => FromSources(documents, dimensions);

    public VectorSnapshot With(DocumentVectors document)
    {
        var (blocks, deadRows, removed) = MarkDead(document.Document.Id);
        var block = VectorBlock.Single(document);
        blocks = [.. blocks, new BlockView(block, null)];
        var next = new VectorSnapshot(Documents.SetItem(document.Document.Id, new DocumentLocation(block, 0)), blocks, Dimensions,
            PassageCount - removed + document.Count, deadRows);
        return next.NeedsCompaction ? next.Compact() : next;
    }

    public VectorSnapshot Without(string documentId)
    {
        if (!Documents.ContainsKey(documentId)) return this;
        var (blocks, deadRows, removed) = MarkDead(documentId);
        var next = new VectorSnapshot(Documents.Remove(documentId), blocks, Dimensions, PassageCount - removed, deadRows);
        return next.NeedsCompaction ? next.Compact() : next;
    }

    private bool NeedsCompaction
    {
        get
        {
            if (Blocks.Length <= 1) return DeadRows > Math.Max(MinRowsBeforeCompaction, PassageCount / 4);
            var outsideLargest = PassageCount + DeadRows - Blocks.Max(b => b.Block.Rows);
            return Blocks.Length > MaxBlocks || outsideLargest > Math.Max(MinRowsBeforeCompaction, PassageCount / 4);
        }
    }

    /// <summary>Every live document in one new block, largest block's documents first (the order scans see).</summary>
    private VectorSnapshot Compact()
    {
        var sources = new List<DocumentSource>(Documents.Count);
        foreach (var view in Blocks)
        {
            for (var slot = 0; slot < view.Block.Slots; slot++)
            {
                if (view.IsLive(slot)) sources.Add(view.Block.Source(slot, Dimensions));
            }
        }
        return FromSources(sources, Dimensions);
    }

    /// <summary>A snapshot over a block the caller built (the index's load path), one slot per document.</summary>
    public static VectorSnapshot FromBlock(VectorBlock block, int dimensions)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, DocumentLocation>(StringComparer.Ordinal);
        for (var slot = 0; slot < block.Slots; slot++) builder.Add(block.Documents[slot].Id, new DocumentLocation(block, slot));
        return new VectorSnapshot(builder.ToImmutable(), [new BlockView(block, null)], dimensions, block.Rows, 0);
    }

    private static VectorSnapshot FromSources(List<DocumentSource> sources, int dimensions)
    {
        // A document given twice keeps its last rows.
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++) last[sources[i].Document.Id] = i;
        if (last.Count < sources.Count) sources = [.. sources.Where((s, i) => last[s.Document.Id] == i)];

        return FromBlock(VectorBlock.Build(sources, dimensions), dimensions);
    }

    /// <summary>A copy of the block list with the document's current slot marked dead (the snapshot itself is untouched).</summary>
    private (BlockView[] Blocks, int DeadRows, int RemovedRows) MarkDead(string documentId)
    {
        if (!Documents.TryGetValue(documentId, out var location)) return (Blocks, DeadRows, 0);
        var blocks = (BlockView[])Blocks.Clone();
        var removed = location.Block.Starts[location.Slot + 1] - location.Block.Starts[location.Slot];
        for (var i = 0; i < blocks.Length; i++)
        {
            if (!ReferenceEquals(blocks[i].Block, location.Block)) continue;
            var dead = blocks[i].DeadSlots is { } old ? (ulong[])old.Clone() : new ulong[(location.Block.Slots + 63) / 64];
            dead[location.Slot >> 6] |= 1UL << location.Slot;
            blocks[i] = new BlockView(location.Block, dead);
        }
        // A single-document block whose document is gone holds nothing live: drop it.
        blocks = [.. blocks.Where(b => b.Block.Slots > 1 || b.IsLive(0))];
        var stillHeld = location.Block.Slots > 1 ? removed : 0;
        return (blocks, DeadRows + stillHeld, removed);
    }
}
