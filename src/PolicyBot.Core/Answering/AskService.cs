using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Retrieval;
using PolicyBot.Core.Telemetry;

namespace PolicyBot.Core.Answering;

/// <summary>
/// The ask use case: question ─► <see cref="HybridRetriever"/> ─► answerable? ─► <see cref="IAnswerComposer"/> ─► <see cref="CitationPostProcessor"/> ─► <see cref="Answer"/>.
/// </summary>
public sealed class AskService(HybridRetriever retriever, IAnswerComposer composer, CoverageDescriber coverage, TimeProvider time, ILogger<AskService> logger)
{
    public async Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken)
    {
        var question = request.Question?.Trim() ?? "";
        if (question.Length == 0)
            return new Answer("Please ask a question, for example: \"When do China's export controls on LFP cathode materials take effect?\"", true, []);
        if (question.Length > AskRequest.MaxQuestionLength)
            return new Answer($"That question is too long ({question.Length:N0} characters); please keep it under {AskRequest.MaxQuestionLength:N0}.", true, []);

        using var activity = PolicyBotTelemetry.Source.StartActivity("ask");
        var started = Stopwatch.GetTimestamp();
        var answer = await AnswerAsync(request, question, cancellationToken);
        var outcome = answer.Refused ? "refused" : "answered";
        activity?.SetTag(PolicyBotTelemetry.OutcomeTag, outcome);
        if (answer.Refused) PolicyBotTelemetry.Refusals.Add(1);
        PolicyBotTelemetry.AnswerDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>(PolicyBotTelemetry.OutcomeTag, outcome));
        return answer;
    }

    private async Task<Answer> AnswerAsync(AskRequest request, string question, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        RetrievalResult retrieval;
        using (PolicyBotTelemetry.Source.StartActivity("retrieve"))
            retrieval = await retriever.RetrieveAsync(question, request.History, request.Filter, cancellationToken);
        PolicyBotTelemetry.RetrievalDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        logger.Retrieved(retrieval.Passages.Count, retrieval.TopDense, retrieval.TermCoverage, retrieval.Answerable);
        var signals = new RetrievalSignals(retrieval.TopDense, retrieval.TermCoverage, retrieval.PassageCoverage);
        if (!retrieval.Answerable)
            return await RefuseAsync(cancellationToken) with { Signals = signals };

        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var context = new AnswerContext(retrieval.Query, retrieval.Passages, request.History, today);
        var composing = Stopwatch.GetTimestamp();
        ComposedText composed;
        using (PolicyBotTelemetry.Source.StartActivity("compose"))
            composed = await composer.ComposeAsync(context, cancellationToken);
        PolicyBotTelemetry.CompositionDuration.Record(Stopwatch.GetElapsedTime(composing).TotalMilliseconds);
        var (text, citations) = CitationPostProcessor.Process(composed.Text, retrieval.Passages);
        logger.Answered(citations.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        // Claims without a valid citation are not shown as an answer.
        if (citations.Count == 0)
            return await RefuseAsync(cancellationToken, composed.Notice) with { Signals = signals };
        return new Answer(text, false, citations, JoinNotices(composed.Notice, StaleStatusNotice.For(context, citations))) { Signals = signals };
    }

    private async Task<Answer> RefuseAsync(CancellationToken cancellationToken, string? notice = null)
    {
        var scope = await coverage.DescribeAsync(cancellationToken);
        return new Answer($"The indexed policy documents do not cover this question. {scope}", true, [], notice);
    }

    private static string? JoinNotices(string? a, string? b) =>
        a is null ? b : b is null ? a : $"{a} {b}";
}
