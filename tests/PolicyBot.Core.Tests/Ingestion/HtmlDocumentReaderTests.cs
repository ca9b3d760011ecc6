using PolicyBot.Core.Ingestion.Readers;
using PolicyBot.Core.Tests.Support;

namespace PolicyBot.Core.Tests.Ingestion;

public sealed class HtmlDocumentReaderTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html>
        <head>
          <title>Export controls on graphite | Ministry of Commerce</title>
          <meta name="jurisdiction" content="China">
          <meta name="materials" content="graphite, anode material">
          <link rel="canonical" href="https://example.gov/graphite">
          <style>body { color: red; }</style>
          <script>var tracking = "do not index";</script>
        </head>
        <body>
          <header><h1>Ministry of Commerce</h1><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
          <div role="navigation">Breadcrumbs</div>
          <main>
            <h1>Export controls on graphite</h1>
            <p>The ministry   announced
               controls on <b>synthetic</b> graphite.</p>
            <script>alert("no");</script>
            <h2>Items covered</h2>
            <ul><li>High-purity graphite</li><li>Spherical&nbsp;graphite</li></ul>
            <table><tr><th>Item</th><th>HS code</th></tr><tr><td>Graphite</td><td>3801</td></tr></table>
            <aside>Related stories</aside>
            <form><label>Subscribe</label></form>
            <p>Effective 1 December 2023.<br>Licences required.</p>
          </main>
          <footer>Copyright 2025</footer>
          <noscript>Enable JavaScript</noscript>
        </body>
        </html>
        """;

    private readonly HtmlDocumentReader _reader = new();

    [Fact]
    public async Task ReadAsync_Page_KeepsMainTextWithoutBoilerplate()
    {
        var document = await _reader.ReadTextAsync(Page, "web/graphite.html");

        var text = document.FullText;
        foreach (var boilerplate in new[] { "tracking", "alert", "Home", "Breadcrumbs", "Related stories", "Subscribe", "Copyright", "Enable JavaScript", "color" })
        {
            Assert.DoesNotContain(boilerplate, text);
        }
        Assert.Collection(
            document.Sections,
            intro =>
            {
                Assert.Null(intro.Heading);
                Assert.Equal("The ministry announced controls on synthetic graphite.", intro.Text);
            },
            items =>
            {
                Assert.Equal("Items covered", items.Heading);
                Assert.Equal(
                    "High-purity graphite\nSpherical graphite\n\nItem | HS code\nGraphite | 3801\n\nEffective 1 December 2023.\nLicences required.",
                    items.Text);
            });
    }

    [Fact]
    public async Task ReadAsync_TitleElementWithSiteSuffix_PrefersMatchingHeading()
    {
        var document = await _reader.ReadTextAsync(Page, "web/graphite.html");

        Assert.Equal("Export controls on graphite", document.Title);
        Assert.Equal("web-graphite", document.Id);
    }

    [Fact]
    public async Task ReadAsync_MetaTags_FillMetadata()
    {
        var document = await _reader.ReadTextAsync(Page, "web/graphite.html");

        Assert.Equal("China", document.Metadata.Jurisdiction);
        Assert.Equal(["graphite", "anode material"], document.Metadata.Materials);
        Assert.Equal("https://example.gov/graphite", document.Metadata.PrimarySource);
    }

    [Fact]
    public async Task ReadAsync_NoMain_ReadsBodyAndTakesTitleElement()
    {
        const string html = "<html><head><title>Cobalt quota</title></head><body><nav>Menu</nav><h2>Background</h2><div>Quota set.</div><div>Applies 2025.</div></body></html>";

        var document = await _reader.ReadTextAsync(html, "cobalt.htm");

        Assert.Equal("Cobalt quota", document.Title);
        var section = Assert.Single(document.Sections);
        Assert.Equal("Background", section.Heading);
        Assert.Equal("Quota set.\n\nApplies 2025.", section.Text);
    }

    [Fact]
    public async Task ReadAsync_NoTitleElement_UsesFirstHeadingThenFileName()
    {
        var withHeading = await _reader.ReadTextAsync("<body><article><h1>Nickel ban</h1><p>Text.</p></article></body>", "a.html");
        var withoutHeading = await _reader.ReadTextAsync("<body><p>Text.</p></body>", "nickel_ore-ban.html");

        Assert.Equal("Nickel ban", withHeading.Title);
        Assert.Equal("Nickel ore ban", withoutHeading.Title);
    }
}
