using System.Globalization;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Briefings.Commands;
using PolicyBot.Core.Conversations.RateLimiting;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Feedback;
using PolicyBot.Core.Measures;
using PolicyBot.Core.Retrieval;
using PolicyBot.Core.State;
using PolicyBot.Core.Telemetry;

namespace PolicyBot.Core.Conversations;

/// <summary>
/// The chat use case shared by Discord, Teams and the web page:
/// turn ─► command (ask / latest / timeline / compare / upcoming / sources / help)
///      ─► answer with the conversation's history, or the measure register's cited lists and tables ─► platform-neutral <see cref="ChatReply"/>.
/// </summary>
/// <param name="measures">The measure commands; without it, a register over <paramref name="index"/> on the system clock.</param>
/// <param name="questions">Where every asked question (answered or refused) is logged for the report; none when null.</param>
/// <param name="rateLimiter">Per-user and per-channel question limits; no limit when null.</param>
public sealed class ConversationService(
    AskService ask, IPassageIndex index, HybridRetriever retriever, IConversationHistory history, ReplyJournal journal, ILogger<ConversationService> logger,
    MeasureReplies? measures = null,
    BriefingCommands? briefings = null,
    IQuestionLog? questions = null,
    QuestionRateLimiter? rateLimiter = null,
    TimeProvider? time = null)
{
    public const int LatestCount = LatestQuery.DefaultLimit, SourcesCount = 5;

    public const string StateUnavailableReply =
        "I can't reach my storage right now, so briefing subscriptions can't be read or changed. Please try again in a few minutes; questions still work.";

    public const string IndexUnavailableReply =
        "The policy index is unreachable right now; please try again shortly.";

    private readonly MeasureReplies _measures = measures ?? new MeasureReplies(new MeasureRegister(index, TimeProvider.System));

    public async Task<ChatReply> HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var command = turn.Command ?? ChatCommandParser.Parse(turn.Text);
        if (command is not ChatCommand.Help && rateLimiter?.TryAcquire(turn.Platform, turn.UserId, turn.ChannelId ?? turn.ConversationId) is { } wait && wait > TimeSpan.Zero)
        {
            logger.RateLimited(turn.Platform, wait.TotalSeconds);
            return new ChatReply(ReplyKind.Error, QuestionRateLimiter.Message(wait));
        }
        try
        {
            if (turn.Command is null && briefings is not null
                && await briefings.TryHandleAsync(new BriefingCommandContext(turn.Platform, turn.ChannelId ?? turn.ConversationId, turn.UserId, turn.CanManage), turn.Text, cancellationToken) is { } brief)
                return new ChatReply(brief.Outcome == BriefingCommandOutcome.Done ? ReplyKind.Briefing : ReplyKind.Error, brief.Text)
                {
                    Freshness = await FreshnessAsync(cancellationToken),
                };
            var reply = command switch
            {
                ChatCommand.Ask a => await AskAsync(turn, a.Question, cancellationToken),
                ChatCommand.Latest or ChatCommand.Timeline or ChatCommand.Compare or ChatCommand.Upcoming => (await _measures.HandleAsync(command, cancellationToken))!,
                ChatCommand.Sources s => await SourcesAsync(s.Query, cancellationToken),
                ChatCommand.Unknown u => new ChatReply(ReplyKind.Error, $"I don't know the command \"{u.Name}\". {HelpText.Short}"),
                ChatCommand.Invalid i => new ChatReply(ReplyKind.Error, $"`{i.Name}`: {i.Problem}"),
                _ => new ChatReply(ReplyKind.Help, HelpText.Full),
            };
            return reply with { Freshness = reply.Freshness ?? await FreshnessAsync(cancellationToken) };
        }
        catch (StateUnavailableException ex)
        {
            logger.StateUnavailable(command.GetType().Name, ex.Message);
            return new ChatReply(ReplyKind.Error, StateUnavailableReply);
        }
        catch (IndexUnavailableException ex)
        {
            logger.IndexUnavailable(command.GetType().Name, ex.Message);
            return new ChatReply(ReplyKind.Error, IndexUnavailableReply);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.ChatTurnFailed(command.GetType().Name, ex);
            return new ChatReply(ReplyKind.Error, "Sorry, something went wrong while answering. The problem has been logged; please try again.");
        }
    }

    private async Task<ChatReply> AskAsync(ChatTurn turn, string question, CancellationToken cancellationToken)
    {
        PolicyBotTelemetry.RecordQuestion(turn.Platform);
        var conversationId = turn.ConversationId;
        var answer = await ask.AskAsync(new AskRequest(question, history.Get(conversationId), SearchFilter.None), cancellationToken);
        history.Append(conversationId, new ConversationTurn(ChatRole.User, question), new ConversationTurn(ChatRole.Assistant, answer.Text));
        var reply = new ChatReply(answer.Refused ? ReplyKind.Refusal : ReplyKind.Answer, answer.Text) { Citations = answer.Citations, Notice = answer.Notice };
        var key = journal.Record(conversationId, question, reply);
        await LogQuestionAsync(new QuestionRecord(turn.Platform, conversationId, turn.UserId, question, answer.Refused, key,
            (time ?? TimeProvider.System).GetUtcNow()), cancellationToken);
        return reply with { ReplyKey = key };
    }

    // The answer matters more than its entry in the report: a log that cannot be written costs the entry, not the reply.
    private async Task LogQuestionAsync(QuestionRecord record, CancellationToken cancellationToken)
    {
        if (questions is null) return;
        try
        {
            await questions.AddAsync(record, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.QuestionLogFailed(record.Platform, ex);
        }
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
