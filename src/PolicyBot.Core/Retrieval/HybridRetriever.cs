using Microsoft.Extensions.Options;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Ingestion;

namespace PolicyBot.Core.Retrieval;

/// <summary>
/// question ─► analyse (follow-up? time-aware?) ─► dense + keyword search ─► fusion ─► per-document cap
///          ─► add measures that suspend/amend/replace the ones found ─► answerability gate
/// </summary>
public sealed class HybridRetriever(IPassageIndex index, IEmbedder embedder, IOptions<RetrievalOptions> options)
{
    /// <summary>Relations that point from a measure to a later one that changes it.</summary>
    private static readonly string[] ChangedByRelations = ["suspended_by", "amended_by", "replaced_by", "superseded_by", "terminated_by", "extended_by", "implemented_by"];

    private readonly RetrievalOptions _options = options.Value;

    /// <summary>Ranked passages for a query, without answerability or expansion (for `search` and benchmarks).</summary>
    public async Task<IReadOnlyList<ScoredPassage>> SearchAsync(string query, SearchMode mode, int top, SearchFilter filter, CancellationToken cancellationToken)
    {
        var pool = Math.Max(top, _options.CandidatePool);
        IReadOnlyList<PassageHit> dense = [], keyword = [];
        if (mode != SearchMode.Keyword)
        {
            var vector = (await embedder.EmbedAsync([query], cancellationToken))[0];
            dense = await index.SearchDenseAsync(vector, pool, filter, cancellationToken);
        }
        if (mode != SearchMode.Dense)
            keyword = await index.SearchKeywordAsync(query, pool, filter, cancellationToken);

        var fused = mode switch
        {
            SearchMode.Dense => dense.Select(h => new ScoredPassage(h.Passage, h.Document, h.Score, h.Score, null)).ToList(),
            SearchMode.Keyword => keyword.Select(h => new ScoredPassage(h.Passage, h.Document, h.Score, null, h.Score)).ToList(),
            _ => ScoreFusion.Fuse(dense, keyword, _options.Fusion, _options.DenseWeight, _options.RrfK),
        };
        return fused.Count > top ? fused.GetRange(0, top) : fused;
    }

    public async Task<RetrievalResult> RetrieveAsync(
        string question, IReadOnlyList<ConversationTurn> history, SearchFilter filter, CancellationToken cancellationToken)
    {
        var query = QueryAnalysis.Analyse(question, history);
        var ranked = await SearchAsync(query.RetrievalQuery, SearchMode.Hybrid, _options.CandidatePool, filter, cancellationToken);

        var selected = CapPerDocument(ranked, _options.TopK, _options.MaxPassagesPerDocument);
        var topDense = ranked.Take(_options.TopK).Select(p => p.Dense ?? 0).DefaultIfEmpty(0).Max();
        var coverage = AnswerabilityGate.TermCoverage(query.RetrievalQuery, selected.Take(5));
        var answerable = selected.Count > 0 && topDense >= _options.MinDenseScore
            && (topDense >= _options.ConfidentDenseScore || coverage >= _options.MinTermCoverage);

        if (answerable)
            selected.AddRange(await FindLaterChangesAsync(selected, query, cancellationToken));
        return new RetrievalResult(query, selected, answerable, topDense, coverage);
    }

    private static List<ScoredPassage> CapPerDocument(IReadOnlyList<ScoredPassage> ranked, int top, int perDocument)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<ScoredPassage>(top);
        foreach (var p in ranked)
        {
            var n = counts.GetValueOrDefault(p.Document.Id);
            if (n >= perDocument) continue;
            counts[p.Document.Id] = n + 1;
            result.Add(p);
            if (result.Count == top) break;
        }
        return result;
    }

    // A suspension or later amendment is shown with the measure it changes, so "is it in force?" gets the whole story.
    private async Task<List<ScoredPassage>> FindLaterChangesAsync(List<ScoredPassage> selected, QueryAnalysis query, CancellationToken cancellationToken)
    {
        var present = selected.Select(p => p.Document.Id).ToHashSet(StringComparer.Ordinal);
        var leading = selected.Select(p => p.Document).DistinctBy(d => d.Id).Take(3);
        var added = new List<ScoredPassage>();
        foreach (var document in leading)
        {
            foreach (var relation in ChangedByRelations)
            {
                if (!document.Metadata.Relations.TryGetValue(relation, out var ids)) continue;
                foreach (var id in ids)
                {
                    if (!present.Add(id)) continue;
                    var later = await index.GetDocumentAsync(id, cancellationToken);
                    if (later is null) continue;
                    var passages = await index.GetPassagesAsync(id, cancellationToken);
                    var best = BestByTerms(passages, query.ContentTerms);
                    if (best is not null) added.Add(new ScoredPassage(best, later, 0, null, null, Expanded: true));
                }
            }
        }
        return added;
    }

    private static Passage? BestByTerms(IReadOnlyList<Passage> passages, IReadOnlyList<string> terms) =>
        passages.OrderByDescending(p =>
        {
            var stems = TextTerms.StemSet(p.Text);
            return terms.Count(stems.Contains);
        }).ThenBy(p => p.Ordinal).FirstOrDefault();
}
