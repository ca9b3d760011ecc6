namespace PolicyBot.Core.Domain;

/// <summary>A document as read from disk, before chunking.</summary>
/// <param name="Id">Stable id: the front-matter <c>id</c>, else a slug of the file name.</param>
/// <param name="Title">Front-matter title, else the first heading, else the file name.</param>
/// <param name="SourcePath">Path relative to the ingested folder, with forward slashes.</param>
/// <param name="Sections">Body text split at headings; plain text without markup.</param>
/// <param name="ContentHash">Hash of the raw file bytes, used to skip unchanged documents.</param>
public sealed record SourceDocument(
    string Id,
    string Title,
    string SourcePath,
    DocumentMetadata Metadata,
    IReadOnlyList<DocumentSection> Sections,
    string ContentHash)
{
    public string FullText => string.Join("\n\n", Sections.Select(s => s.Heading is null ? s.Text : $"{s.Heading}\n{s.Text}"));
}

public sealed record DocumentSection(string? Heading, string Text);
