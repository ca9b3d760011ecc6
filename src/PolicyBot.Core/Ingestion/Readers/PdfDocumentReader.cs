using PolicyBot.Core.Domain;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace PolicyBot.Core.Ingestion.Readers;

/// <summary>
/// Reads the text layer of a PDF in content order, one section per page headed "Page n" so citations can point at a page.
/// Title: the document information Title, else a short first line, else the file name.
/// </summary>
public sealed class PdfDocumentReader : IDocumentReader
{
    private static readonly ContentOrderTextExtractor.Options ExtractorOptions = new()
    {
        SeparateParagraphsWithDoubleNewline = true,
        ReplaceWhitespaceWithSpace = true,
    };

    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public async ValueTask<SourceDocument> ReadAsync(Stream content, string sourcePath, CancellationToken cancellationToken)
    {
        var bytes = await SourceText.ReadAllBytesAsync(content, cancellationToken);
        if (!HasPdfHeader(bytes)) throw new DocumentFormatException($"{sourcePath}: not a PDF (no '%PDF-' header).");

        var (infoTitle, pages) = Extract(bytes, sourcePath, cancellationToken);
        var sections = pages
            .Select((text, index) => new DocumentSection($"Page {index + 1}", text))
            .Where(section => section.Text.Length > 0)
            .ToArray();
        if (sections.Length == 0)
        {
            throw new DocumentFormatException($"{sourcePath}: the PDF has no extractable text (a scan without a text layer?).");
        }

        var firstLine = sections[0].Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        return new SourceDocument(
            Id: SourceText.Slug(sourcePath),
            Title: infoTitle ?? PlainTextDocumentReader.TitleCandidate(firstLine) ?? SourceText.TitleFromFileName(sourcePath),
            SourcePath: sourcePath,
            Metadata: DocumentMetadata.Empty,
            Sections: sections,
            ContentHash: SourceText.Hash(bytes));
    }

    private static (string? Title, List<string> Pages) Extract(byte[] bytes, string sourcePath, CancellationToken cancellationToken)
    {
        try
        {
            using var document = PdfDocument.Open(bytes);
            var title = SectionBuilder.CollapseWhitespace(document.Information.Title ?? "");
            var pages = new List<string>(document.NumberOfPages);
            foreach (var page in document.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                pages.Add(PageText(ContentOrderTextExtractor.GetText(page, ExtractorOptions)));
            }
            return (title.Length > 0 ? title : null, pages);
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new DocumentFormatException($"{sourcePath}: the PDF is encrypted and cannot be read without a password.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DocumentFormatException)
        {
            throw new DocumentFormatException($"{sourcePath}: the PDF cannot be read ({ex.Message}).", ex);
        }
    }

    // Paragraphs stay apart; wrapped lines within one are rejoined.
    private static string PageText(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n")
            .Select(paragraph => paragraph.Split('\n').Select(SectionBuilder.CollapseWhitespace).Where(line => line.Length > 0).ToArray())
            .Where(lines => lines.Length > 0)
            .Select(lines => string.Join('\n', LineUnwrapper.Unwrap(lines)));
        return string.Join("\n\n", paragraphs);
    }

    private static bool HasPdfHeader(byte[] bytes)
    {
        // The header may follow a little junk; readers accept it within the first kilobyte.
        var window = bytes.AsSpan(0, Math.Min(bytes.Length, 1024));
        return window.IndexOf("%PDF-"u8) >= 0;
    }
}
