namespace PolicyBot.Core.Conversations;

/// <summary>
/// Reads a chat message as a command: <c>ask …</c>, <c>latest [jurisdiction] [material]</c>, <c>sources [query]</c>, <c>help</c>,
/// optionally written <c>/latest</c> or <c>!latest</c>. Anything else is a question.
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

        return name switch
        {
            "ask" when rest.Length > 0 => new ChatCommand.Ask(rest),
            "ask" => new ChatCommand.Help(),
            "latest" or "recent" or "new" when prefixed || rest.Length < 60 => new ChatCommand.Latest(Filters: rest.Length == 0 ? null : rest),
            "sources" or "documents" or "docs" when prefixed || rest.Length < 60 => new ChatCommand.Sources(rest.Length == 0 ? null : rest),
            "help" or "?" when rest.Length == 0 || prefixed => new ChatCommand.Help(),
            _ when prefixed => new ChatCommand.Unknown(name),
            _ => new ChatCommand.Ask(trimmed),
        };
    }
}
