namespace PolicyBot.Core.Domain;

/// <summary>A chunk of a document, the unit that is embedded, indexed and cited.</summary>
/// <param name="Id">Stable id: <c>{documentId}#{ordinal}</c>.</param>
public sealed record Passage(string Id, string DocumentId, int Ordinal, string? Heading, string Text)
{
    public static string MakeId(string documentId, int ordinal) => $"{documentId}#{ordinal:D3}";
}

/// <summary>The indexed view of a document: identity, metadata and what was ingested.</summary>
public sealed record DocumentRecord(
    string Id,
    string Title,
    string SourcePath,
    DocumentMetadata Metadata,
    string ContentHash,
    DateTimeOffset IngestedAt,
    int PassageCount);

/// <summary>A passage with the record of the document it belongs to.</summary>
public sealed record PassageHit(Passage Passage, DocumentRecord Document, double Score);
