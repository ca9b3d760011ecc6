using System.Text.Json.Serialization;

namespace PolicyBot.Core.Evaluation;

/// <summary>The metrics of `policybot eval`, overall and per kind. A metric with no applicable question is null.</summary>
public sealed record EvalMetrics(
    [property: JsonPropertyName("measure_recall")] double? MeasureRecall,
    [property: JsonPropertyName("fact_accuracy")] double? FactAccuracy,
    [property: JsonPropertyName("refusal_accuracy")] double? RefusalAccuracy,
    [property: JsonPropertyName("false_refusals")] int FalseRefusals,
    [property: JsonPropertyName("citation_validity")] double? CitationValidity,
    [property: JsonPropertyName("latency_p50_ms")] double LatencyP50Ms,
    [property: JsonPropertyName("latency_p95_ms")] double LatencyP95Ms);

public sealed record EvalReport(
    [property: JsonPropertyName("measure_recall")] double? MeasureRecall,
    [property: JsonPropertyName("fact_accuracy")] double? FactAccuracy,
    [property: JsonPropertyName("refusal_accuracy")] double? RefusalAccuracy,
    [property: JsonPropertyName("false_refusals")] int FalseRefusals,
    [property: JsonPropertyName("citation_validity")] double? CitationValidity,
    [property: JsonPropertyName("latency_p50_ms")] double LatencyP50Ms,
    [property: JsonPropertyName("latency_p95_ms")] double LatencyP95Ms,
    [property: JsonPropertyName("by_kind")] IReadOnlyDictionary<string, EvalMetrics> ByKind)
{
    [JsonIgnore] public IReadOnlyList<EvalOutcome> Outcomes { get; init; } = [];
}

/// <summary>How one question went, for the detailed listing.</summary>
public sealed record EvalOutcome(
    EvalQuestion Question, bool Refused, IReadOnlyList<string> CitedDocuments, double MeasureRecall, bool FactsFound,
    IReadOnlyList<string> MissingFacts, int ValidCitations, int Citations, double LatencyMs, string AnswerText)
{
    public Answering.RetrievalSignals? Signals { get; init; }
}
