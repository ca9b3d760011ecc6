using PolicyBot.Qdrant.Keywords;

namespace PolicyBot.Qdrant.Tests.Keywords;

public sealed class PorterStemmerTests
{
    // Pairs from Porter's published vocabulary/output lists, plus corpus words.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "ti")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("generalizations", "gener")]
    [InlineData("oscillators", "oscil")]
    [InlineData("hopefulness", "hope")]
    [InlineData("electrical", "electr")]
    [InlineData("adjustment", "adjust")]
    [InlineData("controll", "control")]
    [InlineData("graphite", "graphit")]
    [InlineData("batteries", "batteri")]
    [InlineData("exports", "export")]
    [InlineData("licence", "licenc")]
    [InlineData("hexafluorophosphate", "hexafluorophosph")]
    public void Stem_PorterVocabulary_GivesPorterOutput(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("is")]
    [InlineData("ev")]
    [InlineData("日本")]
    [InlineData("überprüfung")]
    [InlineData("2023")]
    public void Stem_ShortNonAsciiOrDigits_Unchanged(string word) => Assert.Equal(word, PorterStemmer.Stem(word));
}
