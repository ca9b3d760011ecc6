using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Retrieval;

/// <summary>A passage after fusion, with the scores that placed it.</summary>
/// <param name="Dense">Cosine similarity to the query, or null when the dense search did not return it.</param>
/// <param name="Keyword">BM25 score, or null when the keyword search did not return it.</param>
/// <param name="Expanded">True when it was added because a retrieved measure links to its document (a suspension, an amendment).</param>
public sealed record ScoredPassage(Passage Passage, DocumentRecord Document, double Score, double? Dense, double? Keyword, bool Expanded = false);
