using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Evaluation;

public sealed record BeirScores(IReadOnlyDictionary<string, double> NdcgAt10, IReadOnlyDictionary<string, double> RecallAt100, int Queries);

/// <summary>Runs a BEIR dataset's queries through <see cref="HybridRetriever.SearchAsync"/> in each mode; a document's score is its best passage's.</summary>
public static class BeirBenchmark
{
    public static readonly (string Name, SearchMode Mode)[] Modes = [("keyword", SearchMode.Keyword), ("dense", SearchMode.Dense), ("hybrid", SearchMode.Hybrid)];

    public static async Task<BeirScores> RunAsync(BeirDataset dataset, HybridRetriever retriever, int passagePool, CancellationToken cancellationToken)
    {
        var ndcg = new Dictionary<string, double>();
        var recall = new Dictionary<string, double>();
        foreach (var (name, mode) in Modes)
        {
            double n = 0, r = 0;
            foreach (var (id, text) in dataset.Queries)
            {
                var hits = await retriever.SearchAsync(text, mode, passagePool, SearchFilter.None, cancellationToken);
                var ranked = hits.Select(h => h.Document.Id).Distinct(StringComparer.Ordinal).ToList();
                n += RankingMetrics.NdcgAt(10, ranked, dataset.Qrels[id]);
                r += RankingMetrics.RecallAt(100, ranked, dataset.Qrels[id]);
            }
            ndcg[name] = Math.Round(n / dataset.Queries.Count, 4);
            recall[name] = Math.Round(r / dataset.Queries.Count, 4);
        }
        return new BeirScores(ndcg, recall, dataset.Queries.Count);
    }

    /// <summary>The corpus as documents for ingestion (title as heading-free first line, abstract as body).</summary>
    public static IEnumerable<SourceDocument> ToDocuments(BeirDataset dataset) =>
        dataset.Corpus.Select(d => new SourceDocument(
            d.Id, string.IsNullOrWhiteSpace(d.Title) ? d.Id : d.Title, $"{dataset.Name}/{d.Id}", DocumentMetadata.Empty,
            [new DocumentSection(null, d.Text)], Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(d.Title + "\n" + d.Text)))));
}
