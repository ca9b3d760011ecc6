namespace PolicyBot.Core.Conversations;

/// <summary>
/// Reads a chat message as a command: <c>ask …</c>, <c>latest [jurisdiction] [material] [--since DATE] [--limit N]</c>,
/// <c>timeline &lt;subject&gt;</c>, <c>compare &lt;A&gt; &lt;B&gt; [--material M]</c>, <c>upcoming [--days N]</c>,
/// <c>sources [query]</c>, <c>help</c>, optionally written <c>/latest</c> or <c>!latest</c>. Anything else is a question;
/// so is a long unprefixed message that merely starts with a command word ("latest news on …?").
/// </summary>
public static class ChatCommandParser
{
    public static ChatCommand Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return new ChatCommand.Help();

        var prefixed = trimmed[0] is '/' or '!';
        var body = prefixed ? trimmed[1..].TrimStart() : trimmed;
        var space = body.IndexOfAny([' ', '\n', '\t']);
        var name = (space < 0 ? body : body[..space]).ToLowerInvariant().TrimEnd(':');
        var rest = space < 0 ? "" : body[(space + 1)..].Trim();
        var command = prefixed || rest.Length < 60 || HasOptions(rest);

        return name switch
        {
            "ask" when rest.Length > 0 => new ChatCommand.Ask(rest),
            "ask" => new ChatCommand.Help(),
            "latest" or "recent" or "new" when command => MeasureCommandParser.Latest(rest),
            "timeline" or "history" when command => MeasureCommandParser.Timeline(rest),
            "compare" or "vs" when command || rest.Length < 80 => MeasureCommandParser.Compare(rest, prefixed) ?? new ChatCommand.Ask(trimmed),
            "upcoming" or "deadlines" when command => MeasureCommandParser.Upcoming(rest, prefixed) ?? new ChatCommand.Ask(trimmed),
            "sources" or "documents" or "docs" when command => new ChatCommand.Sources(rest.Length == 0 ? null : rest),
            "help" or "?" when rest.Length == 0 || prefixed => new ChatCommand.Help(),
            _ when prefixed => new ChatCommand.Unknown(name),
            _ => new ChatCommand.Ask(trimmed),
        };
    }

    private static bool HasOptions(string rest) =>
        rest.StartsWith("--", StringComparison.Ordinal) || rest.Contains(" --", StringComparison.Ordinal) || rest.Contains(" —", StringComparison.Ordinal);
}
