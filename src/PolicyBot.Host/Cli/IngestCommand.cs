using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Ingestion;
using PolicyBot.Host.Composition;

namespace PolicyBot.Host.Cli;

internal static class IngestCommand
{
    public static Command Create(CliContext cli)
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders of .md, .txt, .html or .pdf documents (default: the configured data folder).", Arity = ArgumentArity.ZeroOrMore };
        var rebuild = new Option<bool>("--rebuild") { Description = "Delete the index and embed everything again (needed after changing the embedding model)." };
        var command = new Command("ingest", "Add, update and remove documents in the index; unchanged files are skipped.") { paths, rebuild };
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
            return report.Failures.Count == 0 ? CliRunner.Ok : CliRunner.Failed;
        }, ct));
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
