using System.CommandLine;
using PolicyBot.Core.Conversations;

namespace PolicyBot.Host.Cli;

internal static class TimelineCommand
{
    public static Command Create(CliContext cli)
    {
        var subject = new Argument<string[]>("subject") { Description = "A material or a jurisdiction, e.g. graphite or \"European Union\".", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the timeline, its links and citations as JSON." };
        var command = new Command("timeline", "The measures about a material or jurisdiction in date order: announced and effective dates, suspensions and amendments, what is coming up; each cited.")
        {
            subject, json,
        };
        command.SetAction((parse, ct) =>
            MeasureCommandRunner.RunAsync(cli, new ChatCommand.Timeline(string.Join(' ', parse.GetValue(subject)!)), parse.GetValue(json), ct));
        return command;
    }
}
