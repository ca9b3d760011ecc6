using PolicyBot.Core.Embedded;

namespace PolicyBot.Core.Tests.Embedded;

public sealed class FtsQueryTests
{
    [Theory]
    [InlineData("graphite", "\"graphite\"")]
    [InlineData("lithium AND cobalt", "\"lithium\" OR \"AND\" OR \"cobalt\"")]
    [InlineData("NEAR(\"export\" -duty*)", "\"NEAR\" OR \"export\" OR \"duty\"")]
    [InlineData("title:graphite ^x", "\"title\" OR \"graphite\" OR \"x\"")]
    [InlineData("Graphite graphite GRAPHITE", "\"Graphite\"")]
    [InlineData("Überprüfung 電池 2023", "\"Überprüfung\" OR \"電池\" OR \"2023\"")]
    public void Build_UserText_QuotesEachWordJoinedWithOr(string text, string expected)
    {
        Assert.Equal(expected, FtsQuery.Build(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n")]
    [InlineData("\"*-():^+{},")]
    public void Build_NoWords_ReturnsNull(string? text)
    {
        Assert.Null(FtsQuery.Build(text));
    }

    [Fact]
    public void Terms_ManyWords_CapsTheTermCount()
    {
        var text = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"w{i}"));

        Assert.Equal(FtsQuery.MaxTerms, FtsQuery.Terms(text).Count);
    }
}
