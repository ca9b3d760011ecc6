using PolicyBot.Core.Ingestion.Readers;
using PolicyBot.Core.Tests.Support;

namespace PolicyBot.Core.Tests.Ingestion;

public sealed class PlainTextDocumentReaderTests
{
    private readonly PlainTextDocumentReader _reader = new();

    [Fact]
    public async Task ReadAsync_ShortFirstLine_IsTitleAndLeftOutOfBody()
    {
        var document = await _reader.ReadTextAsync("\n\nLithium Export Rules\r\nFirst paragraph.\r\n\r\nSecond paragraph.\n", "news/Lithium Rules.txt");

        Assert.Equal("Lithium Export Rules", document.Title);
        Assert.Equal("news-lithium-rules", document.Id);
        var section = Assert.Single(document.Sections);
        Assert.Null(section.Heading);
        Assert.Equal("First paragraph.\n\nSecond paragraph.", section.Text);
    }

    [Theory]
    [InlineData("This first line is a sentence.\nMore.")]
    [InlineData("A first line that goes on and on, well past the length any reasonable title would have, because it is really the opening of a paragraph\nMore.")]
    public async Task ReadAsync_FirstLineIsNotATitle_TitleFromFileName(string text)
    {
        var document = await _reader.ReadTextAsync(text, "export-rules.txt");

        Assert.Equal("Export rules", document.Title);
        Assert.StartsWith(text.Split('\n')[0], document.Sections[0].Text);
    }

    [Fact]
    public async Task ReadAsync_HardWrappedParagraph_IsRejoined()
    {
        const string text = """
            Title

            The ministry announced new controls on exports of
            lithium battery cathode materials, precursors and the
            equipment used to make them.
            - first item
            - second item
            """;

        var document = await _reader.ReadTextAsync(text, "wrapped.txt");

        Assert.Equal(
            "The ministry announced new controls on exports of lithium battery cathode materials, precursors and the equipment used to make them.\n- first item\n- second item",
            document.Sections[0].Text);
    }
}
