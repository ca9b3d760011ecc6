using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;
using PolicyBot.Host.Composition;

namespace PolicyBot.Host.Cli;

internal static class SearchCommand
{
    public static Command Create(CliContext cli)
    {
        var query = new Argument<string>("query") { Description = "Words or a question to search for." };
        var top = new Option<int>("--top") { Description = "How many passages to show.", DefaultValueFactory = _ => 10 }.AcceptOnly(1, 1000);
        var mode = new Option<SearchMode>("--mode") { Description = "hybrid (default), dense or keyword.", DefaultValueFactory = _ => SearchMode.Hybrid };
        var jurisdiction = new Option<string?>("--jurisdiction") { Description = "Only documents of this jurisdiction." };
        var json = new Option<bool>("--json") { Description = "Print the ranked passages as JSON." };
        var command = new Command("search", "Show the raw ranked passages for a query.") { query, top, mode, jurisdiction, json };
        command.SetAction((parse, ct) => CliRunner.RunAsync(cli, async services =>
        {
            await services.GetRequiredService<IndexBootstrapper>().EnsureIngestedAsync(ConsoleProgress.ForStandardError(cli.Error), cli.Error, ct);
            var filter = new SearchFilter { Jurisdiction = parse.GetValue(jurisdiction) };
            var hits = await services.GetRequiredService<HybridRetriever>().SearchAsync(parse.GetValue(query)!, parse.GetValue(mode), parse.GetValue(top), filter, ct);
            if (parse.GetValue(json))
            {
                await cli.Output.WriteLineAsync(CliJson.Serialize(hits.Select((h, i) => new
                {
                    rank = i + 1, score = Math.Round(h.Score, 4), dense = h.Dense is { } d ? Math.Round(d, 4) : (double?)null,
                    keyword = h.Keyword is { } k ? Math.Round(k, 4) : (double?)null,
                    passageId = h.Passage.Id, documentId = h.Document.Id, title = h.Document.Title, jurisdiction = h.Document.Metadata.Jurisdiction,
                    heading = h.Passage.Heading, text = h.Passage.Text,
                })));
                return 0;
            }
            for (var i = 0; i < hits.Count; i++)
            {
                var h = hits[i];
                await cli.Output.WriteLineAsync($"{i + 1,2}. {h.Score:0.000}  {h.Passage.Id}  {h.Document.Title}{(h.Passage.Heading is { } s ? $" — {s}" : "")}");
                await cli.Output.WriteLineAsync($"    {(h.Passage.Text.Length > 240 ? h.Passage.Text[..240] + "…" : h.Passage.Text)}");
            }
            if (hits.Count == 0) await cli.Output.WriteLineAsync("No passages found.");
            return 0;
        }, ct));
        return command;
    }
}
