using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Ingestion;

/// <summary>The text embedded for a passage: its document title and section heading give a short passage its context.</summary>
public static class EmbeddingText
{
    public static string For(string title, Passage passage) =>
        passage.Heading is { Length: > 0 } heading && !string.Equals(heading, title, StringComparison.OrdinalIgnoreCase)
            ? $"{title}. {heading}. {passage.Text}"
            : $"{title}. {passage.Text}";
}
