using System.Text;

namespace PolicyBot.Qdrant.Keywords;

/// <summary>A sparse keyword vector: term ids (sorted) and their weights.</summary>
internal sealed record SparseTerms(uint[] Indices, float[] Values)
{
    public bool IsEmpty => Indices.Length == 0;
}

/// <summary>
/// BM25 as sparse vectors: we compute the term-frequency half on our side and Qdrant's <c>idf</c> modifier supplies the
/// inverse document frequency from the collection's statistics at query time.
/// </summary>
/// <remarks>
/// A passage's weight for term t is <c>tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen))</c>, where tf counts t in the text, 1.5×
/// in the heading and 1.25× in the title (the embedded index's bm25 column weights), and len is the passage's token count.
/// avgLen is a constant: Qdrant keeps no corpus-wide length statistics, and a moving average would change stored weights.
/// Term ids are the FNV-1a hash of the stemmed term; two terms sharing an id (rare in a 2^32 space) are scored as one.
/// A query is its distinct terms with weight 1, so the score is Σ idf(t)·weight(t, passage).
/// Changing any of this changes what is stored: bump <see cref="Scheme"/>, which the collection records, so an old
/// collection asks for re-ingestion instead of silently mixing schemes.
/// </remarks>
internal static class KeywordWeights
{
    public const string Scheme = "bm25-porter-fnv1a/v1;k1=1.2;b=0.75;avglen=120;fields=text:1,heading:1.5,title:1.25";

    private const float K1 = 1.2f;
    private const float B = 0.75f;
    private const float AverageLength = 120f;
    private const float HeadingWeight = 1.5f;
    private const float TitleWeight = 1.25f;

    public static SparseTerms ForPassage(string title, string? heading, string text)
    {
        var frequencies = new Dictionary<uint, float>();
        var length = Count(frequencies, text, 1f) + Count(frequencies, heading, HeadingWeight) + Count(frequencies, title, TitleWeight);
        var norm = K1 * (1 - B + B * length / AverageLength);
        return Build(frequencies, tf => tf * (K1 + 1) / (tf + norm));
    }

    public static SparseTerms ForQuery(string? query)
    {
        var terms = new Dictionary<uint, float>();
        foreach (var term in KeywordTokenizer.QueryTerms(query)) terms[TermId(term)] = 1f;
        return Build(terms, weight => weight);
    }

    /// <summary>32-bit FNV-1a over the term's UTF-8 bytes: stable across processes, platforms and .NET versions.</summary>
    public static uint TermId(string term)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(term))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return hash;
    }

    private static int Count(Dictionary<uint, float> frequencies, string? text, float weight)
    {
        var tokens = KeywordTokenizer.Tokenize(text);
        foreach (var token in tokens)
        {
            var id = TermId(token);
            frequencies[id] = frequencies.GetValueOrDefault(id) + weight;
        }
        return tokens.Count;
    }

    private static SparseTerms Build(Dictionary<uint, float> terms, Func<float, float> weight)
    {
        var indices = terms.Keys.Order().ToArray();
        return new SparseTerms(indices, [.. indices.Select(i => weight(terms[i]))]);
    }
}
