namespace PolicyBot.Core.Answering;

/// <summary>A composed reply: text with <c>[n]</c> markers and the citations those markers refer to.</summary>
/// <param name="Refused">True when the documents do not cover the question; <see cref="Text"/> then says so.</param>
/// <param name="Notice">Something the reader should know about how the answer was made (for example an LLM fallback).</param>
public sealed record Answer(string Text, bool Refused, IReadOnlyList<Citation> Citations, string? Notice = null)
{
    /// <summary>How confident retrieval was; null when no search ran (empty or over-long question).</summary>
    public RetrievalSignals? Signals { get; init; }
}

/// <summary>The answerability gate's inputs: best dense similarity and the share of the question's words found.</summary>
public sealed record RetrievalSignals(double TopDense, double TermCoverage, double PassageCoverage);

/// <summary>A numbered source behind an answer.</summary>
public sealed record Citation(
    int Number,
    string DocumentId,
    string PassageId,
    string Title,
    string? Jurisdiction,
    string? Announced,
    string? Effective,
    string? Url,
    string Quote);
