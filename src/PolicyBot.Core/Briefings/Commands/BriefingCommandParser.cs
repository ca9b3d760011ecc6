using System.Globalization;

namespace PolicyBot.Core.Briefings.Commands;

/// <summary>
/// Reads <c>brief now|subscribe|list|unsubscribe …</c> (also written <c>/brief</c>, <c>!brief</c> or <c>briefing</c>).
/// Options: <c>--jurisdiction X</c> (<c>-j</c>), <c>--material Y</c> (<c>-m</c>), both repeatable, <c>--skip-empty</c>,
/// <c>--since YYYY-MM-DD</c>, also as <c>--name=value</c>; values with spaces in quotes (<c>--jurisdiction "United States"</c>).
/// The schedule of <c>subscribe</c> is everything before the first option, passed on verbatim.
/// </summary>
public static class BriefingCommandParser
{
    public const string Usage = """
        Briefing commands:
        brief now [--jurisdiction X]... [--material Y]... [--since YYYY-MM-DD]: what changed (last 7 days, or since this channel's last briefing)
        brief subscribe <schedule> [--jurisdiction X]... [--material Y]... [--skip-empty]: post briefings here on a schedule
            schedules: daily 08:00 Europe/Berlin · weekly monday 09:30 UTC · cron "0 7 * * 1-5" Asia/Shanghai
        brief list: this channel's subscriptions
        brief unsubscribe <id>: stop one
        """;

    /// <summary>
    /// True when the text is a brief command: <c>brief</c> or <c>briefing</c> followed by nothing or a known verb, or
    /// <c>/brief …</c> / <c>!brief …</c> whatever follows. "brief me on the graphite rules" is left to be answered as a question.
    /// </summary>
    public static bool IsBriefCommand(string? text) => TryParse(text, out _);

    public static bool TryParse(string? text, out BriefCommand command)
    {
        command = new BriefCommand.Help();
        var trimmed = text?.Trim() ?? "";
        var prefixed = trimmed.Length > 0 && trimmed[0] is '/' or '!';
        if (prefixed) trimmed = trimmed[1..].TrimStart();
        var tokens = CommandTokens.Split(trimmed);
        if (tokens.Count == 0 || tokens[0].Quoted || tokens[0].Value.ToLowerInvariant() is not ("brief" or "briefing" or "briefs")) return false;

        var verb = tokens.Count > 1 ? tokens[1].Value.ToLowerInvariant() : "help";
        var rest = tokens.Skip(2).ToList();
        command = verb switch
        {
            "now" => ParseNow(rest),
            "subscribe" or "sub" => ParseSubscribe(trimmed, rest),
            "list" or "ls" => rest.Count == 0 ? new BriefCommand.List() : new BriefCommand.Invalid("`brief list` takes no arguments."),
            "unsubscribe" or "unsub" or "remove" => rest.Count == 1 && !rest[0].Value.StartsWith('-')
                ? new BriefCommand.Unsubscribe(rest[0].Value)
                : new BriefCommand.Invalid("Say which subscription to stop: `brief unsubscribe <id>` (see `brief list`)."),
            "help" or "?" => new BriefCommand.Help(),
            _ => new BriefCommand.Invalid($"I don't know `brief {tokens[1].Value}`."),
        };
        // "brief me on the graphite controls" is a question, not a command; "/brief me" is a mistyped command.
        if (prefixed || command is not BriefCommand.Invalid || verb is "now" or "subscribe" or "sub" or "list" or "ls" or "unsubscribe" or "unsub" or "remove")
            return true;
        command = new BriefCommand.Help();
        return false;
    }

    private static BriefCommand ParseNow(List<CommandTokens.Token> rest)
    {
        var options = ReadOptions(rest, 0, allowSince: true, allowSkipEmpty: false);
        if (options.Error is not null) return new BriefCommand.Invalid(options.Error);
        return new BriefCommand.Now(options.Jurisdictions, options.Materials, options.Since);
    }

    private static BriefCommand ParseSubscribe(string text, List<CommandTokens.Token> rest)
    {
        var firstOption = rest.FindIndex(t => !t.Quoted && t.Value.StartsWith('-'));
        var scheduleTokens = firstOption < 0 ? rest : rest[..firstOption];
        if (scheduleTokens.Count == 0)
            return new BriefCommand.Invalid("Say when: `brief subscribe daily 08:00 Europe/Berlin` (or `weekly monday 09:30 UTC`, `cron \"0 7 * * 1-5\" Asia/Shanghai`).");
        var schedule = text[scheduleTokens[0].Start..scheduleTokens[^1].End];
        var options = ReadOptions(rest, scheduleTokens.Count, allowSince: false, allowSkipEmpty: true);
        if (options.Error is not null) return new BriefCommand.Invalid(options.Error);
        return new BriefCommand.Subscribe(schedule, options.Jurisdictions, options.Materials, options.SkipEmpty);
    }

    private sealed record Options(List<string> Jurisdictions, List<string> Materials, bool SkipEmpty, DateOnly? Since, string? Error);

    private static Options ReadOptions(List<CommandTokens.Token> tokens, int start, bool allowSince, bool allowSkipEmpty)
    {
        List<string> jurisdictions = [], materials = [];
        var skipEmpty = false;
        DateOnly? since = null;
        for (var i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Quoted || !token.Value.StartsWith('-'))
                return Fail($"I don't understand \"{token.Value}\" here; filters are written `--jurisdiction X` or `--material Y`.");
            var (name, inline) = token.Value.IndexOf('=') is var eq and > 0 ? (token.Value[..eq], token.Value[(eq + 1)..]) : (token.Value, null);
            name = name.ToLowerInvariant();
            if (name == "--skip-empty" && allowSkipEmpty && inline is null) { skipEmpty = true; continue; }
            if (name is not ("--jurisdiction" or "-j" or "--material" or "-m") && !(allowSince && name == "--since"))
                return Fail($"Unknown option `{token.Value}`.");

            string? value = inline;
            if (value is null && i + 1 < tokens.Count && (tokens[i + 1].Quoted || !tokens[i + 1].Value.StartsWith('-'))) value = tokens[++i].Value;
            if (string.IsNullOrWhiteSpace(value)) return Fail($"`{name}` needs a value.");
            value = value.Trim();
            switch (name)
            {
                case "--jurisdiction" or "-j": jurisdictions.Add(value); break;
                case "--material" or "-m": materials.Add(value); break;
                default:
                    if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                        return Fail($"`--since` needs a date like 2025-11-01, not \"{value}\".");
                    since = date;
                    break;
            }
        }
        return new Options(Distinct(jurisdictions), Distinct(materials), skipEmpty, since, null);

        static Options Fail(string error) => new([], [], false, null, error);
    }

    private static List<string> Distinct(List<string> values) => values.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
