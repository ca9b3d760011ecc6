using PolicyBot.Qdrant.Keywords;

namespace PolicyBot.Qdrant.Tests.Keywords;

public sealed class KeywordWeightsTests
{
    [Fact]
    public void Tokenize_LikeFts5Unicode61_FoldsCaseAndDiacriticsAndSplitsOnPunctuation()
    {
        Assert.Equal(["graphit", "s", "flake", "export", "resum"], KeywordTokenizer.Tokenize("Graphite's \"FLAKE\" {export} Résumé"));
        Assert.Equal(["near", "graphit", "spheric"], KeywordTokenizer.Tokenize("NEAR(graphite, spherical)"));
        Assert.Equal(["東京", "2023", "lfp"], KeywordTokenizer.Tokenize("東京 — 2023: LFP"));
        Assert.Empty(KeywordTokenizer.Tokenize("* - ( ) ^ : + { } ,"));
    }

    [Fact]
    public void ForQuery_DistinctTermsWeightOne_AtMost32()
    {
        var terms = KeywordWeights.ForQuery("graphite Graphite exports " + string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i}")));

        Assert.Equal(KeywordTokenizer.MaxQueryTerms, terms.Indices.Length);
        Assert.All(terms.Values, v => Assert.Equal(1f, v));
        Assert.Equal(terms.Indices.Order(), terms.Indices);
        Assert.True(KeywordWeights.ForQuery("\"\" ()").IsEmpty);
    }

    [Fact]
    public void ForPassage_RepeatedTermWeighsMoreButSaturates()
    {
        var once = Weight(KeywordWeights.ForPassage("Title", null, "graphite licence rules apply"), "graphit");
        var four = Weight(KeywordWeights.ForPassage("Title", null, "graphite graphite graphite graphite"), "graphit");
        var inTitle = Weight(KeywordWeights.ForPassage("Graphite", null, "graphite licence rules apply"), "graphit");

        Assert.True(four > once);
        Assert.True(four < 4 * once);
        Assert.True(four < 2.2f); // tf·(k1+1)/(tf+…) stays below k1+1
        Assert.True(inTitle > once);
    }

    [Fact]
    public void TermId_IsFnv1aOfUtf8()
    {
        Assert.Equal(2166136261u, KeywordWeights.TermId(""));
        Assert.Equal(0xe40c292cu, KeywordWeights.TermId("a"));
        Assert.Equal(0xbf9cf968u, KeywordWeights.TermId("foobar"));
    }

    private static float Weight(SparseTerms terms, string term) => terms.Values[Array.IndexOf(terms.Indices, KeywordWeights.TermId(term))];
}
