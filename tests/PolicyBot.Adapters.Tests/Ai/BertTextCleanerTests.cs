using PolicyBot.Ai.Embeddings;

namespace PolicyBot.Adapters.Tests.Ai;

public sealed class BertTextCleanerTests
{
    [Theory]
    [InlineData("plain ASCII text.", "plain ASCII text.")]
    [InlineData("one\ntwo\r\nthree\tfour", "one two  three four")]
    [InlineData("Société Générale, Zürich, Łódź", "Societe Generale, Zurich, Łodz")]
    [InlineData("e\u0301clair", "eclair")]
    [InlineData("null\u0000char\uFFFD", "nullchar")]
    [InlineData("non\u00A0breaking", "non breaking")]
    public void Clean_Text_NormalisesLikeHuggingFaceBert(string input, string expected)
    {
        Assert.Equal(expected, BertTextCleaner.Clean(input));
    }
}
