using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Retrieval;

/// <summary>
/// An index that fuses dense and keyword search in one request (Qdrant's Query API). The retriever uses it instead of
/// two searches when the index offers it.
/// </summary>
public interface IHybridPassageIndex : IPassageIndex
{
    /// <returns>Passages best first; <see cref="ScoredPassage.Score"/> is the index's fused score and <see cref="ScoredPassage.Dense"/>
    /// the cosine similarity of the passage to <paramref name="query"/>, which the answerability gate needs.</returns>
    Task<IReadOnlyList<ScoredPassage>> SearchFusedAsync(ReadOnlyMemory<float> query, string text, int top, SearchFilter filter, int rrfK, CancellationToken cancellationToken);
}
