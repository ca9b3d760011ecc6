using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Ingestion.Readers;

namespace PolicyBot.Core.Tests.Ingestion;

public sealed class DocumentReaderRegistryTests
{
    private readonly DocumentReaderRegistry _registry = DocumentReaderRegistry.CreateDefault();

    [Theory]
    [InlineData("a/b.md", typeof(MarkdownDocumentReader))]
    [InlineData("b.MARKDOWN", typeof(MarkdownDocumentReader))]
    [InlineData("c.txt", typeof(PlainTextDocumentReader))]
    [InlineData("d.html", typeof(HtmlDocumentReader))]
    [InlineData("e.HTM", typeof(HtmlDocumentReader))]
    [InlineData("f.pdf", typeof(PdfDocumentReader))]
    public void GetReader_KnownExtension_ReturnsItsReader(string path, Type expected)
    {
        Assert.IsType(expected, _registry.GetReader(path));
        Assert.True(_registry.IsSupported(path));
    }

    [Theory]
    [InlineData("a.docx")]
    [InlineData("README")]
    [InlineData("archive.md.bak")]
    public void GetReader_UnknownExtension_ReturnsNull(string path)
    {
        Assert.Null(_registry.GetReader(path));
        Assert.False(_registry.IsSupported(path));
    }

    [Fact]
    public void Extensions_Default_ListsAllFormats()
    {
        Assert.Equal([".htm", ".html", ".markdown", ".md", ".pdf", ".txt"], _registry.Extensions);
    }

    [Fact]
    public void Constructor_TwoReadersForOneExtension_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DocumentReaderRegistry([new MarkdownDocumentReader(), new MarkdownDocumentReader()]));

        Assert.Contains(".md", ex.Message);
    }
}
