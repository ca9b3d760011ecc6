namespace PolicyBot.Core.Conversations;

internal static class HelpText
{
    public const string Short = "Try `help` for what I can do.";

    public const string Full = """
        I answer questions about battery-materials and critical-minerals policy from the indexed documents, with numbered sources.
        • ask <question> — a cited answer (or just mention me / DM me with the question)
        • latest [jurisdiction] [material] — the newest measures, e.g. `latest China graphite`
        • sources [query] — what is indexed, or the documents best matching a query
        • help — this message
        Follow-up questions in the same thread or channel use the earlier turns.
        """;
}
