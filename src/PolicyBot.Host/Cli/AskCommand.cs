using System.CommandLine;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;
using PolicyBot.Host.Composition;

namespace PolicyBot.Host.Cli;

internal static class AskCommand
{
    public static Command Create(CliContext cli)
    {
        var question = new Argument<string>("question") { Description = "The question, in quotes." };
        var jurisdiction = new Option<string?>("--jurisdiction") { Description = "Only documents of this jurisdiction (e.g. China, \"European Union\")." };
        var material = new Option<string?>("--material") { Description = "Only documents about this material (e.g. graphite, LFP)." };
        var json = new Option<bool>("--json") { Description = "Print the answer and citations as JSON." };
        var command = new Command("ask", "Answer a policy question with numbered citations.") { question, jurisdiction, material, json };
        command.SetAction((parse, ct) => CliRunner.RunAsync(cli, async services =>
        {
            var bootstrap = services.GetRequiredService<IndexBootstrapper>();
            await bootstrap.EnsureIngestedAsync(ConsoleProgress.ForStandardError(cli.Error), cli.Error, ct);
            var filter = new SearchFilter { Jurisdiction = parse.GetValue(jurisdiction), Material = parse.GetValue(material) };
            var answer = await services.GetRequiredService<AskService>().AskAsync(new AskRequest(parse.GetValue(question)!, [], filter), ct);
            if (parse.GetValue(json)) await cli.Output.WriteLineAsync(CliJson.Serialize(AnswerJson.From(answer)));
            else await WriteTextAsync(cli.Output, answer, await services.GetRequiredService<IPassageIndex>().GetStatsAsync(ct));
            return 0;
        }, ct));
        return command;
    }

    internal static async Task WriteTextAsync(TextWriter output, Answer answer, IndexStats stats)
    {
        await output.WriteLineAsync(answer.Text);
        if (answer.Citations.Count > 0)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("Sources:");
            foreach (var c in answer.Citations)
            {
                var dates = string.Join(", ", new[] { PolicyDate.Format(c.Announced) is { } a ? $"announced {a}" : null, PolicyDate.Format(c.Effective) is { } e ? $"effective {e}" : null }.OfType<string>());
                await output.WriteLineAsync($"[{c.Number}] {c.Title} — {c.Jurisdiction ?? "no jurisdiction"}{(dates.Length > 0 ? $" — {dates}" : "")}{(c.Url is null ? "" : $" — {c.Url}")}");
            }
        }
        if (answer.Notice is not null) await output.WriteLineAsync($"\n{answer.Notice}");
        if (stats.LastIngestedAt is { } at) await output.WriteLineAsync($"\nSources as of {at:yyyy-MM-dd HH:mm} UTC ({stats.DocumentCount} documents).");
    }
}

/// <summary>The `ask --json` shape.</summary>
internal sealed record AnswerJson(
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("refused")] bool Refused,
    [property: JsonPropertyName("citations")] IReadOnlyList<CitationJson> Citations)
{
    /// <summary>A notice (an LLM fallback, a status date that has passed) ends the answer text, so the shape stays three keys.</summary>
    public static AnswerJson From(Answer answer) => new(
        answer.Notice is null ? answer.Text : $"{answer.Text}\n\n{answer.Notice}",
        answer.Refused,
        answer.Citations.Select(c => new CitationJson(c.Number, c.DocumentId, c.Title, c.Jurisdiction, c.Announced, c.Effective, c.Url, c.Quote)).ToList());
}

internal sealed record CitationJson(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("documentId")] string DocumentId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("jurisdiction")] string? Jurisdiction,
    [property: JsonPropertyName("announced")] string? Announced,
    [property: JsonPropertyName("effective")] string? Effective,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("quote")] string Quote);
