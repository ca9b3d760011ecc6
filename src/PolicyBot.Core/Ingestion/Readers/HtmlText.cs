using System.Text;
using AngleSharp.Dom;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Ingestion.Readers;

/// <summary>Walks an element tree into sections: h1-h6 start sections, block elements end lines or paragraphs.</summary>
internal sealed class HtmlText
{
    private static readonly HashSet<string> ParagraphElements = new(StringComparer.Ordinal)
    {
        "address", "article", "blockquote", "body", "center", "details", "dialog", "div", "dl", "fieldset", "figure",
        "hr", "main", "ol", "p", "section", "table", "ul",
    };

    private static readonly HashSet<string> LineElements = new(StringComparer.Ordinal)
    {
        "caption", "dd", "dt", "figcaption", "legend", "li", "summary", "tr",
    };

    private readonly SectionBuilder _builder = new();
    private readonly StringBuilder _line = new();

    public static (IReadOnlyList<DocumentSection> Sections, string? FirstLevelOneHeading) Read(IElement root)
    {
        var walker = new HtmlText();
        walker.Visit(root);
        walker.EndParagraph();
        return (walker._builder.Build(), walker._builder.FirstLevelOneHeading);
    }

    private void Visit(INode node)
    {
        if (node is IText text) _line.Append(text.Data);
        else if (node is IElement element) VisitElement(element);
    }

    private void VisitElement(IElement element)
    {
        var name = element.LocalName;
        if (name is ['h', >= '1' and <= '6'])
        {
            EndParagraph();
            _builder.Heading(name[1] - '0', element.TextContent);
            return;
        }
        switch (name)
        {
            case "br":
                EndLine();
                return;
            case "pre":
                EndParagraph();
                foreach (var line in element.TextContent.Split('\n')) _builder.Line(line);
                _builder.ParagraphBreak();
                return;
            case "td" or "th":
                if (!string.IsNullOrWhiteSpace(_line.ToString())) _line.Append(" | ");
                VisitChildren(element);
                return;
        }

        if (ParagraphElements.Contains(name))
        {
            EndParagraph();
            VisitChildren(element);
            EndParagraph();
        }
        else if (LineElements.Contains(name))
        {
            EndLine();
            VisitChildren(element);
            EndLine();
        }
        else
        {
            VisitChildren(element);
        }
    }

    private void VisitChildren(IElement element)
    {
        foreach (var child in element.ChildNodes) Visit(child);
    }

    private void EndLine()
    {
        _builder.Line(_line.ToString());
        _line.Clear();
    }

    private void EndParagraph()
    {
        EndLine();
        _builder.ParagraphBreak();
    }
}
