namespace PolicyBot.Core.Conversations;

internal static class HelpText
{
    public const string Short = "Try `help` for what I can do.";

    public const string Full = """
        I answer questions about battery-materials and critical-minerals policy from the indexed documents, with numbered sources.
        • ask <question> — a cited answer (or just mention me / DM me with the question)
        • latest [jurisdiction] [material] [--since DATE] [--limit N] — the newest measures, e.g. `latest China graphite`
        • timeline <material or jurisdiction> — measures in date order with suspensions, e.g. `timeline graphite`
        • compare <A> <B> [...] [--material M] — a cited table, e.g. `compare China "United States" --material graphite`
        • upcoming [--days N] — effective dates and deadlines in the next N days (default 30)
        • sources [query] — what is indexed, or the documents best matching a query
        • brief now | brief subscribe <schedule> [--jurisdiction X] [--material Y] [--skip-empty] | brief list | brief unsubscribe <id>
          — what changed, now or on a schedule, e.g. `brief subscribe daily 08:00 Europe/Berlin --material graphite`
        • help — this message
        Follow-up questions in the same thread or channel use the earlier turns.
        """;

    public static string Usage(string command) => command switch
    {
        "latest" => "`latest [jurisdiction] [material] [--jurisdiction X] [--material Y] [--since DATE] [--limit N]`",
        "timeline" => "`timeline <material or jurisdiction>`, e.g. `timeline graphite`",
        "compare" => "`compare <A> <B> [...] [--material M]`, e.g. `compare China \"United States\" --material graphite`",
        "upcoming" => "`upcoming [--days N]` (default 30) [--from DATE]",
        _ => Short,
    };
}
