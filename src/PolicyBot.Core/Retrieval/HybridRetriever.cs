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
    /// <summary>Relations between a measure and one that changes it, in both directions.</summary>
    private static readonly string[] ChangeRelations =
        ["suspended_by", "amended_by", "replaced_by", "superseded_by", "terminated_by", "extended_by", "suspends", "amends", "replaces", "supersedes", "terminates", "extends"];

    private readonly RetrievalOptions _options = options.Value;
    private readonly QueryVectorCache _queryVectors = new();

    /// <summary>Ranked passages for a query, without answerability or expansion (for `search` and benchmarks).</summary>
    public async Task<IReadOnlyList<ScoredPassage>> SearchAsync(string query, SearchMode mode, int top, SearchFilter filter, CancellationToken cancellationToken)
    {
        var pool = Math.Max(top, _options.CandidatePool);
        if (mode == SearchMode.Hybrid && index is IHybridPassageIndex oneRequest)
        {
            var queryVector = await _queryVectors.GetAsync(query, embedder, cancellationToken);
            return await oneRequest.SearchFusedAsync(queryVector, query, top, filter, _options.RrfK, cancellationToken);
        }
        IReadOnlyList<PassageHit> dense = [], keyword = [];
        if (mode != SearchMode.Keyword)
        {
            var vector = await _queryVectors.GetAsync(query, embedder, cancellationToken);
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
        if (query.IsFollowUp)
            ranked = await FavourPreviousTopicAsync(ranked, history, filter, cancellationToken);

        var selected = CapPerDocument(ranked, _options.TopK, _options.MaxPassagesPerDocument);
        var topDense = ranked.Take(_options.TopK).Select(p => p.Dense ?? 0).DefaultIfEmpty(0).Max();
        var coverage = AnswerabilityGate.TermCoverage(query.RetrievalQuery, selected.Take(5));
        var passageCoverage = AnswerabilityGate.BestPassageCoverage(query.RetrievalQuery, selected.Take(5));
        var answerable = selected.Count > 0 && topDense >= _options.MinDenseScore
            && (topDense >= _options.ConfidentDenseScore || coverage >= _options.MinTermCoverage);
        if (!answerable)
            return new RetrievalResult(query, selected, false, topDense, coverage) { PassageCoverage = passageCoverage };

        await AddRestOfLeadingDocumentAsync(selected, cancellationToken);
        await AddRelatedChangesAsync(selected, query, cancellationToken);
        return new RetrievalResult(query, selected, true, topDense, coverage) { PassageCoverage = passageCoverage };
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

    // "and when does it take effect?" is about what the previous question was about: favour the documents that question finds.
    private async Task<IReadOnlyList<ScoredPassage>> FavourPreviousTopicAsync(
        IReadOnlyList<ScoredPassage> ranked, IReadOnlyList<ConversationTurn> history, SearchFilter filter, CancellationToken cancellationToken)
    {
        var previous = history.Last(t => t.Role == ChatRole.User).Text;
        var topic = (await SearchAsync(previous, SearchMode.Hybrid, 10, filter, cancellationToken))
            .Select(p => p.Document.Id).Distinct(StringComparer.Ordinal).Take(2).ToHashSet(StringComparer.Ordinal);
        var top = ranked.Count == 0 ? 1 : ranked[0].Score;
        return ranked.Select(p => topic.Contains(p.Document.Id) ? p with { Score = p.Score + 0.3 * top } : p)
            .OrderByDescending(p => p.Score).ToList();
    }

    // Policy documents are short: the leading document's other passages often hold the figure or date asked for.
    private async Task AddRestOfLeadingDocumentAsync(List<ScoredPassage> selected, CancellationToken cancellationToken)
    {
        var leading = selected[0].Document;
        var have = selected.Where(p => p.Document.Id == leading.Id).Select(p => p.Passage.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var passage in (await index.GetPassagesAsync(leading.Id, cancellationToken)).Where(p => !have.Contains(p.Id)).Take(MaxExtraLeadingPassages))
            selected.Add(new ScoredPassage(passage, leading, 0, null, null));
    }

    private const int MaxExtraLeadingPassages = 6;

    // A suspension or later amendment is shown with the measure it changes (and the other way round), so "is it in force?"
    // gets the whole story. Linked documents already present are marked; missing ones are fetched.
    private async Task AddRelatedChangesAsync(List<ScoredPassage> selected, QueryAnalysis query, CancellationToken cancellationToken)
    {
        var leading = selected.Select(p => p.Document).DistinctBy(d => d.Id).Take(2).ToList();
        var linked = leading.SelectMany(d => ChangeRelations.SelectMany(r => d.Metadata.Relations.GetValueOrDefault(r) ?? []))
            .Where(id => leading.All(d => d.Id != id)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in linked)
        {
            var present = selected.FindIndex(p => p.Document.Id == id);
            if (present >= 0)
            {
                selected[present] = selected[present] with { Expanded = true };
                continue;
            }
            var document = await index.GetDocumentAsync(id, cancellationToken);
            if (document is null) continue;
            var best = BestByTerms(await index.GetPassagesAsync(id, cancellationToken), query.ContentTerms);
            if (best is not null) selected.Add(new ScoredPassage(best, document, 0, null, null, Expanded: true));
        }
    }

    private static Passage? BestByTerms(IReadOnlyList<Passage> passages, IReadOnlyList<string> terms) =>
        passages.OrderByDescending(p =>
        {
            var stems = TextTerms.StemSet(p.Text);
            return terms.Count(stems.Contains);
        }).ThenBy(p => p.Ordinal).FirstOrDefault();
}
