namespace PolicyBot.Core.Retrieval;

/// <summary>The passages found for a question, and whether they are good enough to answer from.</summary>
/// <param name="TopDense">Best cosine similarity between the question and a retrieved passage.</param>
/// <param name="TermCoverage">Weighted share of the question's content words found in the retrieved passages.</param>
public sealed record RetrievalResult(
    QueryAnalysis Query,
    IReadOnlyList<ScoredPassage> Passages,
    bool Answerable,
    double TopDense,
    double TermCoverage)
{
    /// <summary>Weighted share of the question's content words found together in one passage.</summary>
    public double PassageCoverage { get; init; }
}
