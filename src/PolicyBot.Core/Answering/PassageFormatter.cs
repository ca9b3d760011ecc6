using System.Text;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Answering;

/// <summary>Renders the numbered passages the way every composer (and the prompt) sees them.</summary>
public static class PassageFormatter
{
    public static string Format(IReadOnlyList<Retrieval.ScoredPassage> passages)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            sb.Append('[').Append(i + 1).Append("] ").AppendLine(DescribeDocument(p.Document));
            if (p.Passage.Heading is { Length: > 0 } heading) sb.Append("Section: ").AppendLine(heading);
            sb.AppendLine(p.Passage.Text).AppendLine();
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>"Title (Jurisdiction; announced 9 October 2025; effective 8 November 2025; status: ...)".</summary>
    public static string DescribeDocument(DocumentRecord document)
    {
        var m = document.Metadata;
        var parts = new List<string>();
        if (m.Jurisdiction is { Length: > 0 }) parts.Add(m.Jurisdiction);
        if (PolicyDate.Format(m.Announced) is { } announced) parts.Add($"announced {announced}");
        if (PolicyDate.Format(m.Effective) is { } effective) parts.Add($"effective {effective}");
        if (m.Status is { Length: > 0 }) parts.Add($"status: {m.Status}");
        return parts.Count == 0 ? document.Title : $"{document.Title} ({string.Join("; ", parts)})";
    }

    public static string FormatHistory(IReadOnlyList<ConversationTurn> history) =>
        string.Join("\n", history.Select(t => $"{(t.Role == ChatRole.User ? "User" : "PolicyBot")}: {t.Text}"));
}
