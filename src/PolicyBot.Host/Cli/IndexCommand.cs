using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Embedded;
using PolicyBot.Qdrant;
using PolicyBot.Qdrant.Migration;

namespace PolicyBot.Host.Cli;

/// <summary><c>policybot index migrate --from embedded --to qdrant [--prune]</c>: copies the index without re-embedding.</summary>
internal static class IndexCommand
{
    public static Command Create(CliContext cli)
    {
        var from = new Option<string>("--from") { Description = "Source index: embedded (the SQLite file at PolicyBot:Index:Path).", Required = true };
        from.AcceptOnlyFromAmong("embedded");
        var to = new Option<string>("--to") { Description = "Target index: qdrant (the Qdrant section says where).", Required = true };
        to.AcceptOnlyFromAmong("qdrant");
        var prune = new Option<bool>("--prune") { Description = "Also delete target documents that the source does not have." };
        var migrate = new Command("migrate", "Copy documents, passages and their stored vectors to another index; nothing is embedded again.") { from, to, prune };
        migrate.SetAction((parse, ct) => CliRunner.RunAsync(cli, async services =>
        {
            var source = services.GetRequiredService<SqlitePassageIndex>();
            var target = services.GetRequiredService<QdrantPassageIndex>();
            await cli.Error.WriteLineAsync($"Copying {source.FilePath} into Qdrant collection '{target.Collection}' ...");
            var report = await EmbeddedIndexMigration.CopyAsync(source, target, parse.GetValue(prune), new ProgressWriter(cli.Error), ct);
            await cli.Output.WriteLineAsync(
                $"Migrated: {report.SourceDocuments} documents read, {report.Copied} copied ({report.PassagesCopied} passages), " +
                $"{report.Unchanged} unchanged, {report.Pruned} pruned. Target now holds {report.Target.DocumentCount} documents, " +
                $"{report.Target.PassageCount} passages, model {report.Model.ModelId} ({report.Model.Dimensions} dimensions).");
            return CliRunner.Ok;
        }, ct, (services, configuration) => services.AddQdrantIndex(configuration)));
        return new Command("index", "Manage the passage index.") { migrate };
    }

    private sealed class ProgressWriter(TextWriter error) : IProgress<MigrationProgress>
    {
        public void Report(MigrationProgress value)
        {
            if (value.DocumentsRead % 100 == 0) error.WriteLine($"  {value.DocumentsRead} documents ...");
        }
    }
}
