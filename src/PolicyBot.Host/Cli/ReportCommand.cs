using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Embedded;
using PolicyBot.Core.Feedback;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Measures;
using PolicyBot.Core.Reporting;
using PolicyBot.Core.Retrieval;
using PolicyBot.Host.Composition;

namespace PolicyBot.Host.Cli;

/// <summary>`policybot report`: what users asked, refusals and ratings, and the unanswered or poorly rated questions grouped by topic.</summary>
internal static class ReportCommand
{
    public const int MaxClusters = 100;

    public static Command Create(CliContext cli)
    {
        var since = new Option<string?>("--since") { Description = $"Only questions and feedback from this date on: {SinceDate.Formats}." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var clusters = new Option<int>("--clusters") { Description = $"How many question groups to show, largest first (1-{MaxClusters}).", DefaultValueFactory = _ => 10 }.AcceptOnly(1, MaxClusters);
        var threshold = new Option<double>("--threshold")
        {
            Description = "How similar (cosine, 0-1) a question must be to a group to join it; higher gives smaller, tighter groups.",
            DefaultValueFactory = _ => QuestionClusterer.DefaultThreshold,
        };
        var command = new Command("report", "Questions asked, refusal and not-helpful rates, and the unanswered or poorly rated questions grouped by topic, with the nearest documents.")
        {
            since, json, clusters, threshold,
        };
        threshold.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 1 or double.NaN) r.AddError("--threshold must be between 0 and 1."); });
        since.Validators.Add(r => { if (r.GetValueOrDefault<string?>() is { } s && !SinceDate.TryParse(s, new DateOnly(2000, 1, 1), out _)) r.AddError($"--since takes {SinceDate.Formats}."); });
        command.SetAction((parse, ct) => CliRunner.RunAsync(cli, async services =>
        {
            var time = services.GetRequiredService<TimeProvider>();
            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } s && SinceDate.TryParse(s, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), out var date))
                from = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var builder = new UsageReportBuilder(services.GetRequiredService<IQuestionLog>(), services.GetRequiredService<IFeedbackStore>(),
                services.GetRequiredService<IEmbedder>(), await OpenIndexAsync(services, cli.Error, ct));
            var report = await builder.BuildAsync(from, parse.GetValue(clusters), parse.GetValue(threshold), ct);
            await cli.Output.WriteAsync(parse.GetValue(json) ? CliJson.Serialize(ReportJson(report)) + Environment.NewLine : ReportText(report));
            return CliRunner.Ok;
        }, ct));
        return command;
    }

    /// <summary>The index for the nearest documents, when there is one to read; the report works without it.</summary>
    private static async Task<IPassageIndex?> OpenIndexAsync(IServiceProvider services, TextWriter error, CancellationToken cancellationToken)
    {
        var index = services.GetRequiredService<IPassageIndex>();
        var bootstrap = services.GetRequiredService<IndexBootstrapper>();
        if (index is SqlitePassageIndex && !File.Exists(bootstrap.IndexPath)) return null;
        try
        {
            await bootstrap.OpenAsync(cancellationToken);
            return index;
        }
        catch (IndexMismatchException ex)
        {
            await error.WriteLineAsync($"Nearest documents left out: {ex.Message}");
            return null;
        }
    }

    private static object ReportJson(UsageReport r) => new
    {
        since = r.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        questions = r.Questions,
        refused = r.Refused,
        refusalRate = r.RefusalRate,
        helpful = r.Helpful,
        notHelpful = r.NotHelpful,
        notHelpfulRate = r.NotHelpfulRate,
        platforms = r.Platforms.Select(p => new { platform = p.Platform, questions = p.Questions, refused = p.Refused, helpful = p.Helpful, notHelpful = p.NotHelpful }),
        gapQuestions = r.GapQuestions,
        clusters = r.Clusters.Select(c => new
        {
            representative = c.Representative, size = c.Size, refused = c.Refused, notHelpful = c.NotHelpful, examples = c.Examples, reasons = c.Reasons,
            terms = c.Terms, nearestDocuments = c.NearestDocuments.Select(d => new { documentId = d.DocumentId, title = d.Title, similarity = d.Similarity }),
        }),
    };

    private static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string ReportText(UsageReport r)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(r.Since is { } s ? $"Since {s:yyyy-MM-dd}" : "All time");
        text.AppendLine($"Questions asked: {r.Questions}");
        text.AppendLine($"Refused: {r.Refused} ({Percent(r.RefusalRate)})");
        text.AppendLine($"Feedback: {r.Helpful} helpful, {r.NotHelpful} not helpful ({Percent(r.NotHelpfulRate)} not helpful)");
        if (r.Platforms.Count > 0)
        {
            text.AppendLine();
            text.Append(TextTable.Render(["Platform", "Questions", "Refused", "Helpful", "Not helpful"],
                r.Platforms.Select(p => (IReadOnlyList<string>)[p.Platform, $"{p.Questions}", $"{p.Refused}", $"{p.Helpful}", $"{p.NotHelpful}"]).ToList()));
        }
        text.AppendLine();
        if (r.Clusters.Count == 0)
        {
            text.AppendLine("No refused or poorly rated questions.");
            return text.ToString();
        }
        text.AppendLine($"Unanswered or poorly rated questions by topic ({r.GapQuestions} questions, {r.Clusters.Count} groups shown):");
        text.AppendLine();
        text.Append(TextTable.Render(["#", "Questions", "Representative question", "Topic words", "Nearest documents"],
            r.Clusters.Select((c, i) => (IReadOnlyList<string>)[
                $"{i + 1}", $"{c.Size} ({c.Refused} refused, {c.NotHelpful} not helpful)", c.Representative, string.Join(", ", c.Terms),
                c.NearestDocuments.Count == 0 ? "-" : string.Join("; ", c.NearestDocuments.Select(d => $"{d.DocumentId} ({d.Similarity:0.00})"))]).ToList()));
        foreach (var (c, i) in r.Clusters.Select((c, i) => (c, i)).Where(x => x.c.Examples.Count > 0 || x.c.Reasons.Count > 0))
        {
            text.AppendLine($"Group {i + 1}:");
            foreach (var example in c.Examples) text.AppendLine($"  - {example}");
            foreach (var reason in c.Reasons) text.AppendLine($"  reason: {reason}");
        }
        return text.ToString();
    }
}
