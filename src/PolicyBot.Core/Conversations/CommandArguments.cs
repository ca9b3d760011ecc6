namespace PolicyBot.Core.Conversations;

/// <summary>
/// A command's arguments as typed in chat: words (a "quoted phrase" is one word) and <c>--name value</c> options.
/// Options in <c>multiWord</c> take every word up to the next option (<c>--jurisdiction European Union</c>).
/// An em dash (<c>—since</c>, as phones and Teams autocorrect <c>--</c>) counts as <c>--</c>.
/// </summary>
internal sealed record CommandArguments(IReadOnlyList<string> Words, IReadOnlyDictionary<string, string> Options, string? Error)
{
    public static CommandArguments Parse(string text, IReadOnlyCollection<string> known, IReadOnlyCollection<string> multiWord)
    {
        var tokens = Tokenize(text);
        var words = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var (token, quoted) = tokens[i];
            var name = quoted ? null : OptionName(token);
            if (name is null)
            {
                words.Add(token);
                continue;
            }
            string? value = null;
            var eq = name.IndexOf('=');
            if (eq >= 0) (name, value) = (name[..eq], name[(eq + 1)..]);
            name = name.ToLowerInvariant();
            if (!known.Contains(name)) return new CommandArguments(words, options, $"unknown option --{name}");
            if (value is null)
            {
                var values = new List<string>();
                while (i + 1 < tokens.Count && (tokens[i + 1].Quoted || OptionName(tokens[i + 1].Text) is null))
                {
                    values.Add(tokens[++i].Text);
                    if (!multiWord.Contains(name)) break;
                }
                value = string.Join(' ', values);
            }
            if (value.Trim().Length == 0) return new CommandArguments(words, options, $"--{name} needs a value");
            options[name] = value.Trim();
        }
        return new CommandArguments(words, options, null);
    }

    public string? Option(string name) => Options.GetValueOrDefault(name);

    private static string? OptionName(string token) =>
        token.StartsWith("--", StringComparison.Ordinal) && token.Length > 2 ? token[2..]
        : token.StartsWith('—') && token.Length > 1 ? token[1..]
        : null;

    private static List<(string Text, bool Quoted)> Tokenize(string text)
    {
        var tokens = new List<(string, bool)>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c is '"' or '“' or '”')
            {
                Flush();
                inQuotes = !inQuotes;
                quoted = inQuotes;
                continue;
            }
            if (!inQuotes && char.IsWhiteSpace(c)) Flush();
            else current.Append(c);
        }
        Flush();
        return tokens;

        void Flush()
        {
            if (current.ToString().Trim() is { Length: > 0 } token) tokens.Add((token, quoted));
            current.Clear();
            quoted = false;
        }
    }
}
