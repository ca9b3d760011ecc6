using System.Globalization;
using PolicyBot.Core.Measures;

namespace PolicyBot.Core.Conversations;

/// <summary>The arguments of latest, timeline, compare and upcoming; bad arguments give <see cref="ChatCommand.Invalid"/> with the usage.</summary>
internal static class MeasureCommandParser
{
    public const int MaxLimit = 100;

    private static readonly HashSet<string> Fillers = new(StringComparer.OrdinalIgnoreCase) { "and", "vs", "vs.", "versus", "with", "&", "v", "v.", "or", "to", "against" };

    public static ChatCommand Latest(string rest)
    {
        var args = CommandArguments.Parse(rest, ["jurisdiction", "material", "since", "limit"], ["jurisdiction", "material"]);
        if (args.Error is { } error) return Invalid("latest", error);
        var since = args.Option("since");
        if (since is not null && !SinceDate.TryParse(since, new DateOnly(2000, 1, 1), out _))
            return Invalid("latest", $"--since takes {SinceDate.Formats}");
        int? limit = null;
        if (args.Option("limit") is { } l)
        {
            if (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxLimit)
                return Invalid("latest", $"--limit takes a number from 1 to {MaxLimit}");
            limit = n;
        }
        var filters = string.Join(' ', args.Words).Trim().TrimEnd('?');
        return new ChatCommand.Latest(args.Option("jurisdiction"), args.Option("material"), filters.Length == 0 ? null : filters, since, limit);
    }

    public static ChatCommand Timeline(string rest)
    {
        var args = CommandArguments.Parse(rest, [], []);
        if (args.Error is { } error) return Invalid("timeline", error);
        var subject = string.Join(' ', args.Words).Trim().TrimEnd('?', '.');
        foreach (var lead in (string[])["of ", "for ", "on "])
            if (subject.StartsWith(lead, StringComparison.OrdinalIgnoreCase)) subject = subject[lead.Length..].Trim();
        return subject.Length == 0 ? Invalid("timeline", "name a material or a jurisdiction") : new ChatCommand.Timeline(subject);
    }

    /// <returns>Null when an unprefixed message is better read as a question.</returns>
    public static ChatCommand? Compare(string rest, bool prefixed)
    {
        var args = CommandArguments.Parse(rest, ["material"], ["material"]);
        if (args.Error is { } error) return Invalid("compare", error);
        var subjects = args.Words.Select(w => w.Trim(',', ';', '?')).Where(w => w.Length > 0 && !Fillers.Contains(w)).ToList();
        if (subjects.Count >= 2) return new ChatCommand.Compare(subjects, args.Option("material"));
        return prefixed || args.Options.Count > 0 || rest.Length == 0 ? Invalid("compare", "name at least two jurisdictions or measures") : null;
    }

    /// <returns>Null when an unprefixed message is better read as a question.</returns>
    public static ChatCommand? Upcoming(string rest, bool prefixed)
    {
        var args = CommandArguments.Parse(rest, ["days", "from"], []);
        if (args.Error is { } error) return Invalid("upcoming", error);
        DateOnly? from = null;
        if (args.Option("from") is { } f && (from = Domain.PolicyDate.TryParse(f)) is null) return Invalid("upcoming", "--from takes a date (YYYY-MM-DD)");
        var days = args.Option("days") ?? (args.Words.Count == 1 ? args.Words[0] : null);
        if (args.Words.Count > (args.Option("days") is null ? 1 : 0) || days is not null && !int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            return prefixed || args.Options.Count > 0 ? Invalid("upcoming", "--days takes a number of days") : null;
        if (days is null) return new ChatCommand.Upcoming(From: from);
        var n = int.Parse(days, CultureInfo.InvariantCulture);
        return n is < 1 or > ChatCommand.Upcoming.MaxDays
            ? Invalid("upcoming", $"--days takes a number from 1 to {ChatCommand.Upcoming.MaxDays}")
            : new ChatCommand.Upcoming(n, from);
    }

    private static ChatCommand.Invalid Invalid(string name, string problem) => new(name, $"{problem}. Usage: {HelpText.Usage(name)}");
}
