using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Ingestion.Readers;

/// <summary>
/// Reads Markdown with optional YAML front matter (<c>id</c>, <c>title</c>, <c>jurisdiction</c>, <c>issuing_body</c>,
/// <c>instrument_type</c>, <c>announced</c>, <c>effective</c>, <c>status</c>, <c>materials</c>, <c>sources</c>,
/// <c>relations</c>). The body is split at headings and stripped to plain text.
/// </summary>
public sealed class MarkdownDocumentReader : IDocumentReader
{
    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown"];

    public async ValueTask<SourceDocument> ReadAsync(Stream content, string sourcePath, CancellationToken cancellationToken)
    {
        var bytes = await SourceText.ReadAllBytesAsync(content, cancellationToken);
        var (frontMatter, body) = FrontMatter.Split(SourceText.Decode(bytes), sourcePath);
        var (sections, firstHeading) = MarkdownBody.Parse(body);
        return new SourceDocument(
            Id: frontMatter.Id ?? SourceText.Slug(sourcePath),
            Title: frontMatter.Title ?? firstHeading ?? SourceText.TitleFromFileName(sourcePath),
            SourcePath: sourcePath,
            Metadata: frontMatter.Metadata,
            Sections: sections,
            ContentHash: SourceText.Hash(bytes));
    }
}
