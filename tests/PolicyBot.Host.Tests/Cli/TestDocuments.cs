using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PolicyBot.Host.Tests.Cli;

/// <summary>Documents the tests write themselves, in each supported format.</summary>
internal static class TestDocuments
{
    public const string Html = """
        <!DOCTYPE html>
        <html><head><title>Freedonia cobalt levy | Ministry site</title><script>var tracking = "zanzibar-tracker";</script></head>
        <body>
          <nav><a href="/">Home</a> <a href="/news">Quillwort navigation link</a></nav>
          <main>
            <h1>Freedonia cobalt levy</h1>
            <p>The Republic of Freedonia introduced a cobalt export levy of 12% on 3 March 2025.</p>
            <p>The Freedonia levy applies to cobalt hydroxide and cobalt concentrate shipped from its ports.</p>
          </main>
          <footer>Copyright Freedonia Ministry of Mines</footer>
        </body></html>
        """;

    public static byte[] Pdf()
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = "Sylvania manganese stockpile";
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        string[] lines =
        [
            "Sylvania will build a strategic manganese stockpile of 40,000 tonnes.",
            "The Sylvania manganese stockpile is funded with 250 million crowns.",
            "Purchases for the Sylvania stockpile start on 1 July 2026.",
        ];
        var y = 760.0;
        foreach (var line in lines)
        {
            page.AddText(line, 11, new PdfPoint(60, y), font);
            y -= 24;
        }
        return builder.Build();
    }
}
