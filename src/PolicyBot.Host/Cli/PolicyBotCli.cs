using System.CommandLine;

namespace PolicyBot.Host.Cli;

/// <summary>The `policybot` command line: ingest, ask, search, latest, timeline, compare, upcoming, eval, beir, bench, serve, discord, teams, index, report.</summary>
public static class PolicyBotCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        IReadOnlyDictionary<string, string?>? configuration = null, CancellationToken cancellationToken = default)
    {
        var cli = new CliContext(output, error, configuration);
        var root = new RootCommand("PolicyBot: cited answers about battery-materials policy from your own documents.")
        {
            IngestCommand.Create(cli),
            AskCommand.Create(cli),
            SearchCommand.Create(cli),
            LatestCommand.Create(cli),
            TimelineCommand.Create(cli),
            CompareCommand.Create(cli),
            UpcomingCommand.Create(cli),
            EvalCommand.Create(cli),
            BeirCommand.Create(cli),
            BenchCommand.Create(cli),
            LoadCommand.Create(cli),
            ServeCommand.Create(cli),
            DiscordCommand.Create(cli),
            TeamsCommand.Create(cli),
            IndexCommand.Create(cli),
            ReportCommand.Create(cli),
        };
        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
