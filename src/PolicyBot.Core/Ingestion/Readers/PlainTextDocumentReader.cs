using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Ingestion.Readers;

/// <summary>
/// Reads plain text as one section. A short first line (at most 120 characters, not ending in a period)
/// is the title and is left out of the body; otherwise the title comes from the file name.
/// Paragraphs (blank-line separated) are kept; hard-wrapped lines are rejoined.
/// </summary>
public sealed class PlainTextDocumentReader : IDocumentReader
{
    internal const int MaxTitleLength = 120;

    public IReadOnlyCollection<string> Extensions { get; } = [".txt"];

    public async ValueTask<SourceDocument> ReadAsync(Stream content, string sourcePath, CancellationToken cancellationToken)
    {
        var bytes = await SourceText.ReadAllBytesAsync(content, cancellationToken);
        var lines = SourceText.Decode(bytes).Split('\n').SkipWhile(string.IsNullOrWhiteSpace).ToList();

        var title = lines.Count > 0 ? TitleCandidate(lines[0]) : null;
        if (title is not null) lines.RemoveAt(0);

        var builder = new SectionBuilder();
        foreach (var paragraph in Paragraphs(lines))
        {
            foreach (var line in LineUnwrapper.Unwrap(paragraph)) builder.Line(line);
            builder.ParagraphBreak();
        }

        return new SourceDocument(
            Id: SourceText.Slug(sourcePath),
            Title: title ?? SourceText.TitleFromFileName(sourcePath),
            SourcePath: sourcePath,
            Metadata: DocumentMetadata.Empty,
            Sections: builder.Build(),
            ContentHash: SourceText.Hash(bytes));
    }

    private static IEnumerable<List<string>> Paragraphs(IEnumerable<string> lines)
    {
        var paragraph = new List<string>();
        foreach (var line in lines.Select(SectionBuilder.CollapseWhitespace))
        {
            if (line.Length > 0)
            {
                paragraph.Add(line);
                continue;
            }
            if (paragraph.Count > 0) yield return paragraph;
            paragraph = [];
        }
        if (paragraph.Count > 0) yield return paragraph;
    }

    /// <summary>The line as a title when it is short and does not read as a sentence; else null.</summary>
    internal static string? TitleCandidate(string line)
    {
        var text = SectionBuilder.CollapseWhitespace(line);
        return text.Length is > 0 and <= MaxTitleLength && !text.EndsWith('.') ? text : null;
    }
}
