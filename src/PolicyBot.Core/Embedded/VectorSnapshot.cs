using System.Collections.Immutable;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Embedded;

/// <summary>One document's passage vectors: row <c>i</c> of <see cref="Vectors"/> belongs to <c>RowIds[i]</c>.</summary>
internal sealed record DocumentVectors(DocumentRecord Document, long[] RowIds, float[] Vectors)
{
    public int Count => RowIds.Length;
}

/// <summary>
/// An immutable view of every vector in the index, one contiguous chunk per document.
/// Writers build a new snapshot and swap it in after their transaction commits; searches keep
/// whichever snapshot they started with, so they never see half an upsert.
/// </summary>
internal sealed class VectorSnapshot
{
    private DocumentVectors[]? _items;

    private VectorSnapshot(ImmutableDictionary<string, DocumentVectors> documents, int dimensions, int passageCount)
    {
        Documents = documents;
        Dimensions = dimensions;
        PassageCount = passageCount;
    }

    public ImmutableDictionary<string, DocumentVectors> Documents { get; }
    public int Dimensions { get; }
    public int PassageCount { get; }

    /// <summary>The documents as an array for scanning; built on first use so bulk ingestion stays cheap.</summary>
    public DocumentVectors[] Items => _items ??= [.. Documents.Values];

    public static VectorSnapshot Create(IEnumerable<DocumentVectors> documents, int dimensions)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, DocumentVectors>(StringComparer.Ordinal);
        var passages = 0;
        foreach (var document in documents)
        {
            builder[document.Document.Id] = document;
            passages += document.Count;
        }
        return new VectorSnapshot(builder.ToImmutable(), dimensions, passages);
    }

    public VectorSnapshot With(DocumentVectors document)
    {
        var removed = Documents.TryGetValue(document.Document.Id, out var old) ? old.Count : 0;
        return new VectorSnapshot(Documents.SetItem(document.Document.Id, document), Dimensions, PassageCount - removed + document.Count);
    }

    public VectorSnapshot Without(string documentId) =>
        Documents.TryGetValue(documentId, out var old)
            ? new VectorSnapshot(Documents.Remove(documentId), Dimensions, PassageCount - old.Count)
            : this;
}
