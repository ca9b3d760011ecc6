using System.Text;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Ingestion.Readers;

/// <summary>
/// Collects headings, lines and paragraph breaks into <see cref="DocumentSection"/>s.
/// Lines of a paragraph are joined with <c>\n</c>, paragraphs with <c>\n\n</c>; whitespace inside a line is collapsed.
/// Sections without text are dropped, and a level-1 heading before any text is taken as the document's title
/// rather than a section of its own.
/// </summary>
internal sealed class SectionBuilder
{
    private readonly List<DocumentSection> _sections = [];
    private readonly List<string> _paragraphs = [];
    private readonly List<string> _lines = [];
    private string? _heading;

    /// <summary>The text of the first level-1 heading, a title candidate.</summary>
    public string? FirstLevelOneHeading { get; private set; }

    private bool IsAtStart => _heading is null && _sections.Count == 0 && _paragraphs.Count == 0 && _lines.Count == 0;

    public void Heading(int level, string text)
    {
        var heading = CollapseWhitespace(text);
        if (heading.Length == 0) return;
        if (level == 1 && FirstLevelOneHeading is null)
        {
            FirstLevelOneHeading = heading;
            if (IsAtStart) return; // the document's title, not a section
        }
        EndSection();
        _heading = heading;
    }

    /// <summary>Starts a new line in the current paragraph.</summary>
    public void Line(string text)
    {
        var line = CollapseWhitespace(text);
        if (line.Length == 0) return;
        _lines.Add(line);
    }

    /// <summary>Appends to the current line (a soft-wrapped continuation), or starts one.</summary>
    public void Continue(string text)
    {
        var line = CollapseWhitespace(text);
        if (line.Length == 0) return;
        if (_lines.Count == 0) Line(line);
        else _lines[^1] = _lines[^1] + " " + line;
    }

    public void ParagraphBreak()
    {
        if (_lines.Count == 0) return;
        _paragraphs.Add(string.Join('\n', _lines));
        _lines.Clear();
    }

    /// <summary>Removes and returns the current line when it is the paragraph's only line (a Setext heading's text).</summary>
    public string? TakeSingleLineParagraph()
    {
        if (_lines.Count != 1) return null;
        var line = _lines[0];
        _lines.Clear();
        return line;
    }

    public IReadOnlyList<DocumentSection> Build()
    {
        EndSection();
        return _sections.ToArray();
    }

    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    private void EndSection()
    {
        ParagraphBreak();
        if (_paragraphs.Count > 0) _sections.Add(new DocumentSection(_heading, string.Join("\n\n", _paragraphs)));
        _paragraphs.Clear();
        _heading = null;
    }
}
