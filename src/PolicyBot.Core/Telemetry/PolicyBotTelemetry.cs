using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PolicyBot.Core.Telemetry;

/// <summary>
/// The bot's metrics and traces on plain System.Diagnostics, so Core needs no OpenTelemetry package: the host subscribes to
/// the meter and the activity source named <see cref="Name"/>. Tags carry only low-cardinality facts (platform, outcome,
/// status code), never a question, an answer or a user id.
/// </summary>
public static class PolicyBotTelemetry
{
    public const string Name = "PolicyBot";

    public static readonly ActivitySource Source = new(Name, "1.0");
    public static readonly Meter Meter = new(Name, "1.0");

    // Buckets sized for this bot: answers take milliseconds to seconds, ingestion runs seconds to minutes.
    private static readonly InstrumentAdvice<double> Milliseconds = new() { HistogramBucketBoundaries = [1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000] };
    private static readonly InstrumentAdvice<double> Seconds = new() { HistogramBucketBoundaries = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800] };

    public static readonly Histogram<double> AnswerDuration =
        Meter.CreateHistogram<double>("policybot.answer.duration", "ms", "Time to answer or refuse a question, retrieval and composition included.", tags: null, advice: Milliseconds);

    public static readonly Histogram<double> RetrievalDuration =
        Meter.CreateHistogram<double>("policybot.retrieval.duration", "ms", "Time to retrieve passages for a question (hybrid search and answerability gate).", tags: null, advice: Milliseconds);

    public static readonly Histogram<double> CompositionDuration =
        Meter.CreateHistogram<double>("policybot.composition.duration", "ms", "Time to compose an answer from retrieved passages (language model or extractive).", tags: null, advice: Milliseconds);

    public static readonly Counter<long> Refusals =
        Meter.CreateCounter<long>("policybot.refusals", "{question}", "Questions the documents do not cover, answered with a refusal.");

    public static readonly Counter<long> ComposerFallbacks =
        Meter.CreateCounter<long>("policybot.composer.fallbacks", "{answer}", "Answers extracted from the documents because the language model failed.");

    public static readonly Counter<long> Questions =
        Meter.CreateCounter<long>("policybot.questions", "{question}", "Questions asked, by platform.");

    public static readonly Counter<long> Feedback =
        Meter.CreateCounter<long>("policybot.feedback", "{vote}", "Helpful / not helpful votes, by platform.");

    public static readonly Counter<long> PassagesIngested =
        Meter.CreateCounter<long>("policybot.ingestion.passages", "{passage}", "Passages embedded and written to the index.");

    public static readonly Histogram<double> IngestionDuration =
        Meter.CreateHistogram<double>("policybot.ingestion.duration", "s", "Time of one ingestion run.", tags: null, advice: Seconds);

    public static readonly Counter<long> PlatformApiErrors =
        Meter.CreateCounter<long>("policybot.platform.api_errors", "{response}", "Error responses (and unreachable attempts) from the Discord and Teams APIs, by platform and status.");

    public static readonly Histogram<double> RateLimitWait =
        Meter.CreateHistogram<double>("policybot.platform.rate_limit_wait", "ms", "Time a platform send waited for a rate limit, by platform and reason.", tags: null, advice: Milliseconds);

    public const string PlatformTag = "policybot.platform";
    public const string OutcomeTag = "policybot.outcome";
    public const string HelpfulTag = "policybot.helpful";
    public const string StatusTag = "http.response.status_code";
    public const string ReasonTag = "policybot.reason";

    public static void RecordQuestion(string? platform) =>
        Questions.Add(1, new KeyValuePair<string, object?>(PlatformTag, PlatformName(platform)));

    public static void RecordFeedback(string? platform, bool helpful) =>
        Feedback.Add(1, new KeyValuePair<string, object?>(PlatformTag, PlatformName(platform)), new KeyValuePair<string, object?>(HelpfulTag, helpful ? "helpful" : "not_helpful"));

    /// <param name="status">The HTTP status, or 0 when the API could not be reached.</param>
    public static void RecordPlatformApiError(string platform, int status) =>
        PlatformApiErrors.Add(1, new KeyValuePair<string, object?>(PlatformTag, platform), new KeyValuePair<string, object?>(StatusTag, status));

    public static void RecordRateLimitWait(string platform, string reason, TimeSpan wait) =>
        RateLimitWait.Record(wait.TotalMilliseconds, new KeyValuePair<string, object?>(PlatformTag, platform), new KeyValuePair<string, object?>(ReasonTag, reason));

    // The platform tag comes from our own adapters, but keep the set closed so a bug cannot explode the series count.
    private static string PlatformName(string? platform) => platform switch
    {
        "discord" or "teams" or "web" or "cli" => platform,
        null or "" => "unknown",
        _ => "other",
    };
}
