using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Ingestion;
using PolicyBot.Host.Composition;
using PolicyBot.Host.Ingestion;

namespace PolicyBot.Host.Cli;

internal static class IngestCommand
{
    public static Command Create(CliContext cli)
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders of .md, .txt, .html or .pdf documents (default: the configured data folder).", Arity = ArgumentArity.ZeroOrMore };
        var rebuild = new Option<bool>("--rebuild") { Description = "Delete the index and embed everything again (needed after changing the embedding model)." };
        var noFeeds = new Option<bool>("--no-feeds") { Description = "Do not fetch the configured RSS/Atom feeds (PolicyBot:Ingestion:Feeds) after the files." };
        var command = new Command("ingest", "Add, update and remove documents in the index, then fetch the configured feeds; unchanged files and feeds are skipped.")
            { paths, rebuild, noFeeds };
        command.SetAction((parse, ct) => CliRunner.RunAsync(cli, async services =>
        {
            var bootstrap = services.GetRequiredService<IndexBootstrapper>();
            var targets = parse.GetValue(paths) is { Length: > 0 } given ? given : [bootstrap.DataPath];
            var missing = targets.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
            if (missing.Count > 0)
            {
                await cli.Error.WriteLineAsync($"Error: no such file or folder: {string.Join(", ", missing)}");
                return CliRunner.Failed;
            }
            if (parse.GetValue(rebuild)) await bootstrap.ResetAsync(ct);
            await bootstrap.OpenAsync(ct);
            var report = await services.GetRequiredService<IngestionPipeline>().IngestAsync(targets, ConsoleProgress.ForStandardError(cli.Error), ct);
            await WriteReportAsync(cli.Output, report);
            var feedsFailed = false;
            if (!parse.GetValue(noFeeds) && services.GetRequiredService<IOptions<IngestionOptions>>().Value.Feeds.Count > 0)
            {
                var feeds = await services.GetRequiredService<FeedIngester>().RunAsync(ct);
                await cli.Output.WriteLineAsync(feeds.ToString());
                feedsFailed = feeds.Failed + feeds.PagesFailed > 0;
            }
            return report.Failures.Count == 0 && !feedsFailed ? CliRunner.Ok : CliRunner.Failed;
        }, ct, (services, _) => services.AddPolicyBotFeeds()));
        return command;
    }

    internal static async Task WriteReportAsync(TextWriter output, IngestionReport report)
    {
        await output.WriteLineAsync(
            $"Ingested: {report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, {report.Removed} removed, " +
            $"{report.Failures.Count} failed; {report.PassagesEmbedded} passages embedded in {report.Elapsed.TotalSeconds:0.0} s ({report.PassagesPerSecond:0.0} passages/s).");
        foreach (var failure in report.Failures)
            await output.WriteLineAsync($"  skipped {failure.Path}: {failure.Reason}");
    }
}
