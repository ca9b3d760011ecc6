using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Evaluation;
using PolicyBot.Core.Retrieval;
using PolicyBot.Host.Composition;

namespace PolicyBot.Host.Cli;

internal static class EvalCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "A JSON Lines question file (the format of dev-questions.jsonl)." };
        var json = new Option<bool>("--json") { Description = "Print the metrics as one JSON object." };
        var verbose = new Option<bool>("--verbose") { Description = "List every question with what was missing." };
        var command = new Command("eval", "Score answers on a question file: measure recall, fact accuracy, refusals, citation validity, latency.") { file, json, verbose };
        command.SetAction((parse, ct) => CliRunner.RunAsync(cli, async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new FileNotFoundException($"Question file '{path.FullName}' does not exist.");
            var questions = EvalQuestion.ReadFile(path.FullName);
            await services.GetRequiredService<IndexBootstrapper>().EnsureIngestedAsync(ConsoleProgress.ForStandardError(cli.Error), cli.Error, ct);
            var evaluator = new Evaluator(services.GetRequiredService<AskService>(), services.GetRequiredService<IPassageIndex>());
            var report = await evaluator.RunAsync(questions, null, ct);
            if (parse.GetValue(verbose)) await WriteOutcomesAsync(cli.Error, report);
            if (parse.GetValue(json)) await cli.Output.WriteLineAsync(CliJson.Serialize(report.Metrics));
            else await WriteTableAsync(cli.Output, report, questions.Count);
            return 0;
        }, ct));
        return command;
    }

    private static async Task WriteTableAsync(TextWriter output, EvalReport report, int count)
    {
        await output.WriteLineAsync($"{count} questions");
        await output.WriteLineAsync($"{"kind",-14} {"measure_recall",15} {"fact_accuracy",14} {"refusal_acc",12} {"false_ref",10} {"cite_valid",11} {"p50 ms",8} {"p95 ms",8}");
        foreach (var (kind, m) in report.Metrics.ByKind ?? new Dictionary<string, EvalMetrics>())
            await output.WriteLineAsync(Row(kind, m));
        await output.WriteLineAsync(Row("overall", report.Metrics));
    }

    private static string Row(string kind, EvalMetrics m) =>
        $"{kind,-14} {F(m.MeasureRecall),15} {F(m.FactAccuracy),14} {F(m.RefusalAccuracy),12} {m.FalseRefusals,10} {F(m.CitationValidity),11} {m.LatencyP50Ms,8:0.0} {m.LatencyP95Ms,8:0.0}";

    private static string F(double? value) => value is { } v ? v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "-";

    private static async Task WriteOutcomesAsync(TextWriter writer, EvalReport report)
    {
        foreach (var o in report.Outcomes)
        {
            var ok = o.Question.IsOutOfScope ? o.Refused : !o.Refused && o.FactsFound && o.MeasureRecall >= 1;
            await writer.WriteLineAsync($"{(ok ? "ok  " : "MISS")} {o.Question.Id} [{o.Question.Kind}] refused={o.Refused} recall={o.MeasureRecall:0.00} missing=[{string.Join("; ", o.MissingFacts)}] cited=[{string.Join(", ", o.CitedDocuments)}] {o.LatencyMs:0} ms dense={o.Signals?.TopDense:0.000} coverage={o.Signals?.TermCoverage:0.00} passage={o.Signals?.PassageCoverage:0.00}");
        }
    }
}
