using System.CommandLine;
using PolicyBot.Core.Conversations;
using PolicyBot.Core.Domain;

namespace PolicyBot.Host.Cli;

internal static class UpcomingCommand
{
    public static Command Create(CliContext cli)
    {
        var days = new Option<int>("--days") { Description = $"How many days ahead (1-{ChatCommand.Upcoming.MaxDays}).", DefaultValueFactory = _ => ChatCommand.Upcoming.DefaultDays }.AcceptOnly(1, ChatCommand.Upcoming.MaxDays);
        var from = new Option<string?>("--from") { Description = "Start of the window, YYYY-MM-DD (default: today)." };
        var json = new Option<bool>("--json") { Description = "Print the dated items and their citations as JSON." };
        var command = new Command("upcoming", "Effective dates, status dates (\"until 10 November 2026\") and stated deadlines in the next N days, soonest first, each cited.")
        {
            days, from, json,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(from) is { } f && PolicyDate.TryParse(f) is null) r.AddError("--from takes a date (YYYY-MM-DD).");
        });
        command.SetAction((parse, ct) =>
            MeasureCommandRunner.RunAsync(cli, new ChatCommand.Upcoming(parse.GetValue(days), PolicyDate.TryParse(parse.GetValue(from))), parse.GetValue(json), ct));
        return command;
    }
}
