using System.Text.RegularExpressions;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Ingestion.Readers;

/// <summary>
/// Block-level Markdown to plain text: sections at ATX and Setext headings, soft-wrapped lines joined,
/// list items and table rows one per line (bullets dropped, numbers kept), code kept as text.
/// </summary>
internal static partial class MarkdownBody
{
    public static (IReadOnlyList<DocumentSection> Sections, string? FirstLevelOneHeading) Parse(string body)
    {
        var builder = new SectionBuilder();
        string? fence = null;
        var paragraphStart = true;   // the next text line opens a paragraph
        var setextCandidate = false; // the paragraph so far is one text line
        var hardBreak = false;

        foreach (var raw in HtmlComment().Replace(body, "").Split('\n'))
        {
            if (fence is not null)
            {
                var trimmed = raw.Trim();
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim(fence[0]).Length == 0)
                {
                    builder.ParagraphBreak();
                    fence = null;
                }
                else
                {
                    builder.Line(raw);
                }
                continue;
            }

            var line = BlockQuote().Replace(raw, "");
            var wasCandidate = setextCandidate;
            var wasHardBreak = hardBreak;
            setextCandidate = false;
            hardBreak = false;

            if (string.IsNullOrWhiteSpace(line))
            {
                builder.ParagraphBreak();
                paragraphStart = true;
                continue;
            }
            if (FenceOpen().Match(line) is { Success: true } open)
            {
                builder.ParagraphBreak();
                fence = open.Groups[1].Value;
                paragraphStart = true;
                continue;
            }
            if (AtxHeading().Match(line) is { Success: true } atx)
            {
                builder.Heading(atx.Groups[1].Length, MarkdownInline.ToPlainText(atx.Groups[2].Value));
                paragraphStart = true;
                continue;
            }
            if (SetextUnderline().Match(line) is { Success: true } underline && wasCandidate
                && builder.TakeSingleLineParagraph() is { } headingText)
            {
                builder.Heading(underline.Groups[1].Value[0] == '=' ? 1 : 2, headingText);
                paragraphStart = true;
                continue;
            }
            if (TableSeparator().IsMatch(line)) continue;
            if (ThematicBreak().IsMatch(line) || LinkReferenceDefinition().IsMatch(line))
            {
                builder.ParagraphBreak();
                paragraphStart = true;
                continue;
            }

            var opensParagraph = paragraphStart;
            paragraphStart = false;
            if (FootnoteDefinition().Match(line) is { Success: true } footnote)
            {
                builder.Line(MarkdownInline.ToPlainText(footnote.Groups[1].Value));
            }
            else if (line.TrimStart().StartsWith('|'))
            {
                builder.Line(TableRow(line));
            }
            else if (Bullet().Match(line) is { Success: true } bullet)
            {
                builder.Line(MarkdownInline.ToPlainText(bullet.Groups[1].Value));
            }
            else if (Ordered().Match(line) is { Success: true } ordered)
            {
                builder.Line(ordered.Groups[1].Value + " " + MarkdownInline.ToPlainText(ordered.Groups[2].Value));
            }
            else
            {
                var text = MarkdownInline.ToPlainText(HardBreak().Replace(line, ""));
                if (wasHardBreak) builder.Line(text);
                else builder.Continue(text); // a soft-wrapped line, or a lazy continuation of a list item
                setextCandidate = opensParagraph;
                hardBreak = HardBreak().IsMatch(line);
            }
        }
        return (builder.Build(), builder.FirstLevelOneHeading);
    }

    private static string TableRow(string line)
    {
        var cells = UnescapedPipe().Split(line.Trim().Trim('|'))
            .Select(cell => MarkdownInline.ToPlainText(cell).Trim())
            .Where(cell => cell.Length > 0);
        return string.Join(" | ", cells);
    }

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"^ {0,3}(?:> ?)+")]
    private static partial Regex BlockQuote();

    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,})")]
    private static partial Regex FenceOpen();

    [GeneratedRegex(@"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^ {0,3}(=+|-+)[ \t]*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^ {0,3}\[(?!\^)[^\]]+\]:\s*\S+")]
    private static partial Regex LinkReferenceDefinition();

    [GeneratedRegex(@"^ {0,3}\[\^[^\]]+\]:\s*(.*)$")]
    private static partial Regex FootnoteDefinition();

    [GeneratedRegex(@"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$|^\s*\|\s*:?-+:?\s*\|\s*$")]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex(@"^\s*[-*+](?:[ \t]+(?:\[[ xX]\][ \t]+)?(.*))?$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*(\d{1,9}[.)])[ \t]+(.*)$")]
    private static partial Regex Ordered();

    [GeneratedRegex(@"(?:  +|\\)$")]
    private static partial Regex HardBreak();
}
