using System.Text.Json.Serialization;

namespace PolicyBot.Core.Evaluation;

/// <summary>The metrics of `policybot eval`, overall and per kind. A metric with no applicable question is null.</summary>
public sealed record EvalMetrics(
    [property: JsonPropertyName("measure_recall"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? MeasureRecall,
    [property: JsonPropertyName("fact_accuracy"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? FactAccuracy,
    [property: JsonPropertyName("refusal_accuracy"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? RefusalAccuracy,
    [property: JsonPropertyName("false_refusals")] int FalseRefusals,
    [property: JsonPropertyName("citation_validity"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? CitationValidity,
    [property: JsonPropertyName("latency_p50_ms")] double LatencyP50Ms,
    [property: JsonPropertyName("latency_p95_ms")] double LatencyP95Ms)
{
    /// <summary>The same metrics per question kind; set on the overall metrics only.</summary>
    [JsonPropertyName("by_kind"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, EvalMetrics>? ByKind { get; init; }
}

/// <summary>The overall metrics (with <see cref="EvalMetrics.ByKind"/>) and how each question went.</summary>
public sealed record EvalReport(EvalMetrics Metrics, IReadOnlyList<EvalOutcome> Outcomes);

/// <summary>How one question went, for the detailed listing.</summary>
public sealed record EvalOutcome(
    EvalQuestion Question, bool Refused, IReadOnlyList<string> CitedDocuments, double MeasureRecall, bool FactsFound,
    IReadOnlyList<string> MissingFacts, int ValidCitations, int Citations, double LatencyMs, string AnswerText)
{
    public Answering.RetrievalSignals? Signals { get; init; }
}
