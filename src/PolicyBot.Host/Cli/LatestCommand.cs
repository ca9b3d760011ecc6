using System.CommandLine;
using PolicyBot.Core.Conversations;
using PolicyBot.Core.Measures;

namespace PolicyBot.Host.Cli;

internal static class LatestCommand
{
    public const int MaxLimit = 100;

    public static Command Create(CliContext cli)
    {
        var words = new Argument<string[]>("filters") { Description = "Optional free words: a jurisdiction and/or a material, e.g. China graphite.", Arity = ArgumentArity.ZeroOrMore };
        var jurisdiction = new Option<string?>("--jurisdiction") { Description = "Only these jurisdictions, comma-separated (e.g. China, \"European Union\", US)." };
        var material = new Option<string?>("--material") { Description = "Only measures about these materials, comma-separated (e.g. graphite, lithium)." };
        var since = new Option<string?>("--since") { Description = $"Only measures announced on or after this date: {SinceDate.Formats}." };
        var limit = new Option<int>("--limit") { Description = $"How many measures (1-{MaxLimit}).", DefaultValueFactory = _ => LatestQuery.DefaultLimit }.AcceptOnly(1, MaxLimit);
        var json = new Option<bool>("--json") { Description = "Print the measures, their citations and dates as JSON." };
        var command = new Command("latest", "The newest measures first, each with its dates, status, a one-line summary and a citation.")
        {
            words, jurisdiction, material, since, limit, json,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(since) is { } s && !SinceDate.TryParse(s, new DateOnly(2000, 1, 1), out _)) r.AddError($"--since takes {SinceDate.Formats}.");
        });
        command.SetAction((parse, ct) =>
        {
            var filters = string.Join(' ', parse.GetValue(words) ?? []);
            var latest = new ChatCommand.Latest(parse.GetValue(jurisdiction), parse.GetValue(material), filters.Length == 0 ? null : filters,
                parse.GetValue(since), parse.GetValue(limit));
            return MeasureCommandRunner.RunAsync(cli, latest, parse.GetValue(json), ct);
        });
        return command;
    }
}
