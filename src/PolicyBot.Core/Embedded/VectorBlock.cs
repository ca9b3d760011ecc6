using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Embedded;

/// <summary>
/// Several documents' passage vectors in one contiguous <c>float[]</c>, rows of a document next to each other:
/// document slot <c>s</c> owns rows <c>Starts[s]</c> to <c>Starts[s + 1]</c>, and row <c>r</c> is passage row <c>RowIds[r]</c>.
/// Immutable once built, so any number of searches can scan it while a writer builds the next one.
/// </summary>
internal sealed class VectorBlock
{
    private VectorBlock(DocumentRecord[] documents, int[] starts, long[] rowIds, float[] vectors)
    {
        Documents = documents;
        Starts = starts;
        RowIds = rowIds;
        Vectors = vectors;
    }

    public DocumentRecord[] Documents { get; }
    public int[] Starts { get; }
    public long[] RowIds { get; }
    public float[] Vectors { get; }
    public int Rows => RowIds.Length;
    public int Slots => Documents.Length;

    /// <summary>A block over arrays the caller fills and never changes afterwards.</summary>
    public static VectorBlock Wrap(DocumentRecord[] documents, int[] starts, long[] rowIds, float[] vectors) => new(documents, starts, rowIds, vectors);

    /// <summary>A block of one document that reuses its arrays (no copy): what a single upsert adds.</summary>
    public static VectorBlock Single(DocumentVectors document) =>
        new([document.Document], [0, document.Count], document.RowIds, document.Vectors);

    /// <summary>Copies the given documents' rows into one new block, in the order given.</summary>
    public static VectorBlock Build(IReadOnlyList<DocumentSource> documents, int dimensions)
    {
        var rows = 0;
        foreach (var document in documents) rows += document.Count;
        var records = new DocumentRecord[documents.Count];
        var starts = new int[documents.Count + 1];
        var rowIds = new long[rows];
        var vectors = new float[(long)rows * dimensions];
        var at = 0;
        for (var slot = 0; slot < documents.Count; slot++)
        {
            var source = documents[slot];
            records[slot] = source.Document;
            starts[slot] = at;
            source.RowIds.Span.CopyTo(rowIds.AsSpan(at, source.Count));
            source.Vectors.Span.CopyTo(vectors.AsSpan(at * dimensions, source.Count * dimensions));
            at += source.Count;
        }
        starts[documents.Count] = at;
        return new VectorBlock(records, starts, rowIds, vectors);
    }

    /// <summary>The rows of one slot, as a source for <see cref="Build"/>.</summary>
    public DocumentSource Source(int slot, int dimensions)
    {
        var from = Starts[slot];
        var count = Starts[slot + 1] - from;
        return new DocumentSource(Documents[slot], RowIds.AsMemory(from, count), Vectors.AsMemory(from * dimensions, count * dimensions));
    }
}

/// <summary>One document's rows wherever they currently live; input to <see cref="VectorBlock.Build"/>.</summary>
internal readonly record struct DocumentSource(DocumentRecord Document, ReadOnlyMemory<long> RowIds, ReadOnlyMemory<float> Vectors)
{
    public int Count => RowIds.Length;

    public static DocumentSource From(DocumentVectors document) => new(document.Document, document.RowIds, document.Vectors);
}
