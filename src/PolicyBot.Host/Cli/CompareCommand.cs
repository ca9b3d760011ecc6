using System.CommandLine;
using PolicyBot.Core.Conversations;

namespace PolicyBot.Host.Cli;

internal static class CompareCommand
{
    public static Command Create(CliContext cli)
    {
        var subjects = new Argument<string[]>("subjects")
        {
            Description = "Two or more jurisdictions or measures (ids or title words); quote multi-word names: China \"United States\".",
            Arity = ArgumentArity.OneOrMore,
        };
        var material = new Option<string?>("--material") { Description = "Compare only measures about this material (e.g. graphite)." };
        var json = new Option<bool>("--json") { Description = "Print the table (columns, rows of cells with citation numbers) and the citations as JSON." };
        var command = new Command("compare",
            "A table of scope, thresholds, licensing or obligations, effective date and status, per measure of each jurisdiction or per named measure. " +
            "Every cell quotes a passage [n]; a cell without evidence says \"not found in the documents\".")
        {
            subjects, material, json,
        };
        command.Validators.Add(r => { if ((r.GetValue(subjects)?.Length ?? 0) < 2) r.AddError("Name at least two jurisdictions or measures to compare."); });
        command.SetAction((parse, ct) =>
            MeasureCommandRunner.RunAsync(cli, new ChatCommand.Compare(parse.GetValue(subjects)!, parse.GetValue(material)), parse.GetValue(json), ct));
        return command;
    }
}
