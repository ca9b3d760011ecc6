using System.Globalization;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Feedback;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Conversations;

/// <summary>
/// The chat use case shared by Discord, Teams and the web page:
/// turn ─► command (ask / latest / sources / help) ─► answer with the conversation's history ─► platform-neutral <see cref="ChatReply"/>.
/// </summary>
public sealed class ConversationService(
    AskService ask, IPassageIndex index, HybridRetriever retriever, IConversationHistory history, ReplyJournal journal, ILogger<ConversationService> logger)
{
    public const int LatestCount = 8, SourcesCount = 5;

    public async Task<ChatReply> HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var command = turn.Command ?? ChatCommandParser.Parse(turn.Text);
        try
        {
            var reply = command switch
            {
                ChatCommand.Ask a => await AskAsync(turn.ConversationId, a.Question, cancellationToken),
                ChatCommand.Latest l => await LatestAsync(l, cancellationToken),
                ChatCommand.Sources s => await SourcesAsync(s.Query, cancellationToken),
                ChatCommand.Unknown u => new ChatReply(ReplyKind.Error, $"I don't know the command \"{u.Name}\". {HelpText.Short}"),
                _ => new ChatReply(ReplyKind.Help, HelpText.Full),
            };
            return reply with { Freshness = reply.Freshness ?? await FreshnessAsync(cancellationToken) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.ChatTurnFailed(command.GetType().Name, ex);
            return new ChatReply(ReplyKind.Error, "Sorry, something went wrong while answering. The problem has been logged; please try again.");
        }
    }

    private async Task<ChatReply> AskAsync(string conversationId, string question, CancellationToken cancellationToken)
    {
        var answer = await ask.AskAsync(new AskRequest(question, history.Get(conversationId), SearchFilter.None), cancellationToken);
        history.Append(conversationId, new ConversationTurn(ChatRole.User, question), new ConversationTurn(ChatRole.Assistant, answer.Text));
        var reply = new ChatReply(answer.Refused ? ReplyKind.Refusal : ReplyKind.Answer, answer.Text) { Citations = answer.Citations, Notice = answer.Notice };
        return reply with { ReplyKey = journal.Record(conversationId, question, reply) };
    }

    private async Task<ChatReply> LatestAsync(ChatCommand.Latest command, CancellationToken cancellationToken)
    {
        var documents = await index.ListDocumentsAsync(cancellationToken);
        var filter = MeasureFilters.Resolve(command, documents);
        var items = documents.Where(d => d.Metadata.AnnouncedDate is not null && filter.Matches(d.Metadata))
            .OrderByDescending(d => d.Metadata.AnnouncedDate).ThenBy(d => d.Title, StringComparer.Ordinal)
            .Take(LatestCount).Select(Summarise).ToList();
        var scope = MeasureFilters.Describe(filter);
        if (items.Count == 0)
            return new ChatReply(ReplyKind.Measures, $"No indexed measures match {scope}.");
        var lines = items.Select(m => $"{PolicyDate.Format(m.Announced)} · {m.Jurisdiction} · {m.Title}{(m.Url is null ? "" : $" — {m.Url}")}");
        return new ChatReply(ReplyKind.Measures, $"Latest measures ({scope}), newest first:\n" + string.Join("\n", lines)) { Items = items };
    }

    private async Task<ChatReply> SourcesAsync(string? query, CancellationToken cancellationToken)
    {
        var stats = await index.GetStatsAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(query))
        {
            var documents = await index.ListDocumentsAsync(cancellationToken);
            var newest = documents.Where(d => d.Metadata.AnnouncedDate is not null).MaxBy(d => d.Metadata.AnnouncedDate);
            var text = $"{stats.DocumentCount} documents ({stats.PassageCount} passages) are indexed." +
                (newest is null ? "" : $" Newest measure: {newest.Title} ({PolicyDate.Format(newest.Metadata.Announced)}).") +
                (stats.LastIngestedAt is { } at ? $" Last ingestion: {at.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)}." : "");
            return new ChatReply(ReplyKind.Sources, text) { Items = newest is null ? [] : [Summarise(newest)] };
        }
        var hits = await retriever.SearchAsync(query, SearchMode.Hybrid, 40, SearchFilter.None, cancellationToken);
        var items = hits.Select(h => h.Document).DistinctBy(d => d.Id).Take(SourcesCount).Select(Summarise).ToList();
        var lines = items.Select((m, i) => $"{i + 1}. {m.Title} ({m.Jurisdiction}, {PolicyDate.Format(m.Announced)}){(m.Url is null ? "" : $" — {m.Url}")}");
        return new ChatReply(ReplyKind.Sources, items.Count == 0 ? $"No indexed document matches \"{query}\"." : $"Documents best matching \"{query}\":\n" + string.Join("\n", lines)) { Items = items };
    }

    private async Task<string?> FreshnessAsync(CancellationToken cancellationToken) =>
        (await index.GetStatsAsync(cancellationToken)).LastIngestedAt is { } at
            ? $"Sources as of {at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
            : null;

    private static MeasureSummary Summarise(DocumentRecord d) =>
        new(d.Id, d.Title, d.Metadata.Jurisdiction, d.Metadata.Announced, d.Metadata.Effective, d.Metadata.Status, d.Metadata.PrimarySource);
}
