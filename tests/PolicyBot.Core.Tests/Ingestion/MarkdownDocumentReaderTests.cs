using System.Security.Cryptography;
using System.Text;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Ingestion.Readers;
using PolicyBot.Core.Tests.Support;

namespace PolicyBot.Core.Tests.Ingestion;

public sealed class MarkdownDocumentReaderTests
{
    private const string WithFrontMatter = """
        ---
        id: cn-announcement-58-2025
        title: "MOFCOM Announcement No. 58 (2025)"
        jurisdiction: China
        issuing_body: Ministry of Commerce
        instrument_type: announcement
        announced: 2025-10-09
        effective: 2025-11
        status:
        materials:
          - lithium batteries
          - graphite anode
        sources: [https://example.gov/58, https://example.org/mirror]
        relations:
          suspended_by: [cn-announcement-70-2025]
          amends:
            - cn-announcement-46-2024
        ---
        # MOFCOM Announcement No. 58 (2025)

        China *controls* exports of **high-end** lithium batteries.

        ## Scope

        - Cathode materials
        - Graphite anode materials
        """;

    private readonly MarkdownDocumentReader _reader = new();

    [Fact]
    public async Task ReadAsync_FrontMatter_FillsEveryField()
    {
        var document = await _reader.ReadTextAsync(WithFrontMatter, "policies/cn/announcement-58.md");

        Assert.Equal("cn-announcement-58-2025", document.Id);
        Assert.Equal("MOFCOM Announcement No. 58 (2025)", document.Title);
        Assert.Equal("policies/cn/announcement-58.md", document.SourcePath);
        var metadata = document.Metadata;
        Assert.Equal("China", metadata.Jurisdiction);
        Assert.Equal("Ministry of Commerce", metadata.IssuingBody);
        Assert.Equal("announcement", metadata.InstrumentType);
        Assert.Equal("2025-10-09", metadata.Announced);
        Assert.Equal("2025-11", metadata.Effective);
        Assert.Equal(new DateOnly(2025, 11, 1), metadata.EffectiveDate);
        Assert.Null(metadata.Status);
        Assert.Equal(["lithium batteries", "graphite anode"], metadata.Materials);
        Assert.Equal(["https://example.gov/58", "https://example.org/mirror"], metadata.Sources);
        Assert.Equal(["cn-announcement-70-2025"], metadata.Relations["suspended_by"]);
        Assert.Equal(["cn-announcement-46-2024"], metadata.Relations["amends"]);
    }

    [Fact]
    public async Task ReadAsync_LeadingTitleHeading_DoesNotBecomeASection()
    {
        var document = await _reader.ReadTextAsync(WithFrontMatter, "a.md");

        Assert.Collection(
            document.Sections,
            intro =>
            {
                Assert.Null(intro.Heading);
                Assert.Equal("China controls exports of high-end lithium batteries.", intro.Text);
            },
            scope =>
            {
                Assert.Equal("Scope", scope.Heading);
                Assert.Equal("Cathode materials\nGraphite anode materials", scope.Text);
            });
    }

    [Fact]
    public async Task ReadAsync_ContentHash_IsSha256OfRawBytes()
    {
        var bytes = Encoding.UTF8.GetBytes(WithFrontMatter);

        var document = await _reader.ReadBytesAsync(bytes, "a.md");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), document.ContentHash);
    }

    [Fact]
    public async Task ReadAsync_NoFrontMatter_TitleFromFirstHeadingAndIdFromPath()
    {
        var document = await _reader.ReadTextAsync("# Critical Minerals Action Plan\n\nThe G7 adopted a plan.\n", "G7/Critical Minerals_Plan.markdown");

        Assert.Equal("g7-critical-minerals-plan", document.Id);
        Assert.Equal("Critical Minerals Action Plan", document.Title);
        Assert.Same(Domain.DocumentMetadata.Empty, document.Metadata);
        Assert.Equal("The G7 adopted a plan.", Assert.Single(document.Sections).Text);
    }

    [Fact]
    public async Task ReadAsync_NoFrontMatterNoHeading_TitleFromFileName()
    {
        var document = await _reader.ReadTextAsync("Just a note about cobalt.", "notes/cobalt_export-ban.md");

        Assert.Equal("notes-cobalt-export-ban", document.Id);
        Assert.Equal("Cobalt export ban", document.Title);
    }

    [Theory]
    [InlineData("---\ntitle: [unclosed\n---\nbody", "did not find expected ',' or ']'")]
    [InlineData("---\ntitle: a\n  bad: indent\n---\nbody", "invalid YAML front matter at line 3, column 6")]
    [InlineData("---\nid: a\nid: b\n---\nbody", "Duplicate key")]
    [InlineData("---\ntitle: a\nbody without a closing fence", "never closed")]
    [InlineData("---\n- a\n- b\n---\nbody", "must be a YAML mapping")]
    [InlineData("---\nmaterials:\n  lithium: yes\n---\nbody", "'materials'")]
    [InlineData("---\nrelations: [a, b]\n---\nbody", "'relations'")]
    [InlineData("---\ntitle: [a, b]\n---\nbody", "'title'")]
    public async Task ReadAsync_BrokenFrontMatter_ThrowsDocumentFormatExceptionNamingTheProblem(string text, string expected)
    {
        var ex = await Assert.ThrowsAsync<DocumentFormatException>(() => _reader.ReadTextAsync(text, "bad.md").AsTask());

        Assert.Contains("bad.md", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public async Task ReadAsync_EmptyFrontMatterValues_AreNull()
    {
        var document = await _reader.ReadTextAsync("---\nid:\ntitle: ~\njurisdiction: ''\nannounced: \"2025-10\"\nmaterials:\nrelations:\n---\ntext", "empty-values.md");

        Assert.Equal("empty-values", document.Id);
        Assert.Equal("2025-10", document.Metadata.Announced);
        Assert.Equal("Empty values", document.Title);
        Assert.Null(document.Metadata.Jurisdiction);
        Assert.Empty(document.Metadata.Materials);
        Assert.Empty(document.Metadata.Relations);
    }

    [Fact]
    public async Task ReadAsync_Markdown_IsStrippedToPlainText()
    {
        const string markdown = """
            Intro with a [link](https://example.com/a_(b) "Title"), an ![chart](img.png), `code_span`, __bold__,
            _italic_, ***both***, ~~gone~~ and <span class="x">html</span> &amp; an escaped \*star\*.
            snake_case_name stays. 5 * 3 stays.

            > Quoted **text**

            1. First *step*
            2. Second step
            * [x] Done item
              continued here

            | Material | Date |
            |---|:---:|
            | Gallium | 2023-08 |

            ```
            # not a heading
            ```
            After the fence.

            Setext heading
            --------------
            Text under it.[^1]

            [^1]: The footnote.
            [ref]: https://example.com
            <!-- a
            comment -->
            """;

        var document = await _reader.ReadTextAsync(markdown, "strip.md");

        var intro = document.Sections[0];
        Assert.Null(intro.Heading);
        Assert.Equal(
            "Intro with a link, an chart, code_span, bold, italic, both, gone and html & an escaped *star*. snake_case_name stays. 5 * 3 stays."
            + "\n\nQuoted text"
            + "\n\n1. First step\n2. Second step\nDone item continued here"
            + "\n\nMaterial | Date\nGallium | 2023-08"
            + "\n\n# not a heading"
            + "\n\nAfter the fence.",
            intro.Text);
        var setext = document.Sections[1];
        Assert.Equal("Setext heading", setext.Heading);
        Assert.Equal("Text under it.\n\nThe footnote.", setext.Text);
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMarkAndCrLf_StillFindsFrontMatter()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("---\r\nid: crlf-doc\r\ntitle: CRLF\r\n---\r\nBody line.\r\n")).ToArray();

        var document = await _reader.ReadBytesAsync(bytes, "x.md");

        Assert.Equal("crlf-doc", document.Id);
        Assert.Equal("CRLF", document.Title);
        Assert.Equal("Body line.", Assert.Single(document.Sections).Text);
    }

    [Fact]
    public async Task ReadAsync_EmptyIntermediateHeading_IsDropped()
    {
        var document = await _reader.ReadTextAsync("# Title\n## Part A\n### Article 1\nText one.\n## Part B\nText two.", "x.md");

        Assert.Equal(["Article 1", "Part B"], document.Sections.Select(s => s.Heading));
        Assert.Equal("Title", document.Title);
    }
}
