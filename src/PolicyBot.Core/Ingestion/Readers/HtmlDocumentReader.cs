using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Ingestion.Readers;

/// <summary>
/// Reads HTML: the main content (<c>main</c>, <c>[role=main]</c>, a single <c>article</c>, else <c>body</c>)
/// without scripts, navigation, headers, footers, asides and forms; sections split at h1-h6.
/// </summary>
public sealed class HtmlDocumentReader : IDocumentReader
{
    private const string Boilerplate =
        "script, style, noscript, nav, header, footer, aside, form, template, svg, iframe, [hidden], "
        + "[role=navigation], [role=banner], [role=contentinfo]";

    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm"];

    public async ValueTask<SourceDocument> ReadAsync(Stream content, string sourcePath, CancellationToken cancellationToken)
    {
        var bytes = await SourceText.ReadAllBytesAsync(content, cancellationToken);
        using var document = await new HtmlParser().ParseDocumentAsync(new MemoryStream(bytes), cancellationToken);

        var root = ContentRoot(document);
        foreach (var element in root.QuerySelectorAll(Boilerplate).ToList()) element.Remove();
        var (sections, firstHeading) = HtmlText.Read(root);

        return new SourceDocument(
            Id: SourceText.Slug(sourcePath),
            Title: Title(document.Title, firstHeading) ?? SourceText.TitleFromFileName(sourcePath),
            SourcePath: sourcePath,
            Metadata: HtmlMetadata.Read(document),
            Sections: sections,
            ContentHash: SourceText.Hash(bytes));
    }

    private static IElement ContentRoot(IDocument document)
    {
        var articles = document.QuerySelectorAll("article");
        return document.QuerySelector("main")
            ?? document.QuerySelector("[role=main]")
            ?? (articles.Length == 1 ? articles[0] : null)
            ?? document.Body
            ?? document.DocumentElement;
    }

    // "<title>Announcement No. 61 | Ministry of Commerce</title>" with "<h1>Announcement No. 61</h1>" gives the h1.
    private static string? Title(string? titleElement, string? firstHeading)
    {
        var title = SectionBuilder.CollapseWhitespace(titleElement ?? "");
        if (title.Length == 0) return firstHeading;
        if (firstHeading is not null && title.Length > firstHeading.Length
            && title.Contains(firstHeading, StringComparison.OrdinalIgnoreCase)) return firstHeading;
        return title;
    }
}
