using System.Text.RegularExpressions;

namespace PolicyBot.Core.Ingestion.Readers;

/// <summary>
/// Rejoins hard-wrapped lines of one paragraph (plain text, PDF) so that each logical line is a paragraph or list item.
/// A line continues the previous one when the previous does not end a sentence, the line is not a list item, and
/// either it starts in lower case or the previous line runs close to the paragraph's full width.
/// </summary>
internal static partial class LineUnwrapper
{
    private const int MinWrapWidth = 40;
    private const double FullWidthShare = 0.6;

    public static IReadOnlyList<string> Unwrap(IReadOnlyList<string> lines)
    {
        var width = lines.Count == 0 ? 0 : lines.Max(line => line.Length);
        var result = new List<string>(lines.Count);
        string? previous = null;
        foreach (var line in lines)
        {
            if (previous is not null && Continues(previous, line, width)) result[^1] = result[^1] + " " + line;
            else result.Add(line);
            previous = line;
        }
        return result;
    }

    private static bool Continues(string previous, string line, int width)
    {
        if (previous.Length == 0 || line.Length == 0) return false;
        if (EndsClause().IsMatch(previous) || ListItem().IsMatch(line)) return false;
        return char.IsLower(line[0]) || width >= MinWrapWidth && previous.Length >= FullWidthShare * width;
    }

    [GeneratedRegex(@"[.!?:;…][""'”’)\]]*$")]
    private static partial Regex EndsClause();

    [GeneratedRegex(@"^(?:[-*•·▪◦–—]\s|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]\s)")]
    private static partial Regex ListItem();
}
