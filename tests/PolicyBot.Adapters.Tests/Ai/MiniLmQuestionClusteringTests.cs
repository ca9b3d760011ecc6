using PolicyBot.Core.Reporting;

namespace PolicyBot.Adapters.Tests.Ai;

/// <summary>The report's question grouping with the real MiniLM model at the default threshold.</summary>
[Collection(MiniLmCollection.Name)]
public sealed class MiniLmQuestionClusteringTests(MiniLmFixture model, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Cluster_Paraphrases_GroupByTopicAtTheDefaultThreshold()
    {
        string[][] topics =
        [
            ["Does Indonesia still ban nickel ore exports?", "Is exporting nickel ore from Indonesia prohibited?", "Indonesian export ban on unprocessed nickel ore"],
            ["What royalty does Chile charge on lithium brine?", "Chile lithium royalty rates", "How much are lithium royalties in Chile?"],
            ["Which US tax credits apply to domestic battery cell manufacturing?", "Is there a US tax credit for making battery cells?", "US manufacturing credit for battery cells"],
        ];
        // Interleaved, as questions arrive in a log.
        var questions = Enumerable.Range(0, 3).SelectMany(i => topics.Select(t => t[i])).ToArray();
        var vectors = await model.Embedder.EmbedAsync(questions, default);

        var groups = QuestionClusterer.Cluster(vectors, QuestionClusterer.DefaultThreshold);

        foreach (var g in groups) output.WriteLine(string.Join(" | ", g.Select(i => questions[i])));
        Assert.Equal(3, groups.Count);
        Assert.Equal(
            topics.Select(t => t.Order(StringComparer.Ordinal).ToArray()).OrderBy(t => t[0], StringComparer.Ordinal),
            groups.Select(g => g.Select(i => questions[i]).Order(StringComparer.Ordinal).ToArray()).OrderBy(t => t[0], StringComparer.Ordinal));
    }
}
