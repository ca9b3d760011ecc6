using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Ingestion.Readers;
using PolicyBot.Core.Tests.Support;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PolicyBot.Core.Tests.Ingestion;

public sealed class PdfDocumentReaderTests
{
    private readonly PdfDocumentReader _reader = new();

    [Fact]
    public async Task ReadAsync_GeneratedPdf_ReadsTextPerPageAndInfoTitle()
    {
        var pdf = BuildPdf(
            "Export Control Notice",
            ["Graphite Export Controls", "The ministry controls exports of graphite.", "Licences are required from 1 December 2023."],
            ["Page two covers spherical graphite."]);

        var document = await _reader.ReadBytesAsync(pdf, "pdf/notice-2023.pdf");

        Assert.Equal("Export Control Notice", document.Title);
        Assert.Equal("pdf-notice-2023", document.Id);
        Assert.Equal(["Page 1", "Page 2"], document.Sections.Select(s => s.Heading));
        Assert.Contains("The ministry controls exports of graphite.", document.Sections[0].Text);
        Assert.Contains("Licences are required from 1 December 2023.", document.Sections[0].Text);
        Assert.Equal("Page two covers spherical graphite.", document.Sections[1].Text);
    }

    [Fact]
    public async Task ReadAsync_NoInfoTitle_UsesShortFirstLine()
    {
        var pdf = BuildPdf(null, ["Graphite Export Controls", "The ministry controls exports of graphite."]);

        var document = await _reader.ReadBytesAsync(pdf, "notice.pdf");

        Assert.Equal("Graphite Export Controls", document.Title);
    }

    [Fact]
    public async Task ReadAsync_GarbageBytes_ThrowsDocumentFormatException()
    {
        var garbage = Enumerable.Range(0, 2048).Select(i => (byte)(i * 31 % 251)).ToArray();

        var ex = await Assert.ThrowsAsync<DocumentFormatException>(() => _reader.ReadBytesAsync(garbage, "broken.pdf").AsTask());

        Assert.Contains("broken.pdf", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_TruncatedPdf_ThrowsDocumentFormatException()
    {
        var pdf = BuildPdf("Title", ["Some text here."]);
        var truncated = pdf.AsSpan(0, 40).ToArray();

        await Assert.ThrowsAsync<DocumentFormatException>(() => _reader.ReadBytesAsync(truncated, "truncated.pdf").AsTask());
    }

    [Fact]
    public async Task ReadAsync_PdfWithoutText_ThrowsDocumentFormatException()
    {
        var pdf = BuildPdf("Scanned", []);

        var ex = await Assert.ThrowsAsync<DocumentFormatException>(() => _reader.ReadBytesAsync(pdf, "scan.pdf").AsTask());

        Assert.Contains("no extractable text", ex.Message);
    }

    private static byte[] BuildPdf(string? title, params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        if (title is not null) builder.DocumentInformation.Title = title;
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 780.0;
            foreach (var line in lines)
            {
                page.AddText(line, 12, new PdfPoint(72, y), font);
                y -= 28;
            }
        }
        return builder.Build();
    }
}
