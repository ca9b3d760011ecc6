using PolicyBot.Core.Reporting;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Reporting;

public sealed class QuestionClustererTests
{
    private static readonly HashingEmbedder Embedder = new();

    private static string[][] Groups(string[] questions, double threshold) =>
        QuestionClusterer.Cluster(questions.Select(Embedder.Embed).ToList(), threshold)
            .Select(g => g.Select(i => questions[i]).ToArray()).ToArray();

    [Fact]
    public void Cluster_SameTopicTogether_UnrelatedApart_LargestFirst()
    {
        string[] questions =
        [
            "Does Indonesia ban nickel ore exports?",
            "What are the cobalt refining subsidies in Zambia?",
            "Indonesia nickel ore export ban dates",
            "When did the Indonesia nickel ore ban start?",
            "Zambia cobalt refining subsidies amount",
        ];

        var groups = Groups(questions, threshold: 0.4);

        Assert.Equal(2, groups.Length);
        Assert.Equal([questions[0], questions[2], questions[3]], groups[0]);
        Assert.Equal([questions[1], questions[4]], groups[1]);
    }

    [Fact]
    public void Cluster_ThresholdNearOne_KeepsOnlyIdenticalQuestionsTogether()
    {
        string[] questions = ["nickel ore ban", "nickel ore ban", "nickel ore export ban"];

        var groups = Groups(questions, threshold: 0.999);

        Assert.Equal([["nickel ore ban", "nickel ore ban"], ["nickel ore export ban"]], groups);
    }

    [Fact]
    public void Cluster_Weights_OrderGroupsByHowOftenTheyWereAsked()
    {
        var vectors = new[] { "nickel ore ban", "cobalt subsidy" }.Select(Embedder.Embed).ToList();

        var groups = QuestionClusterer.Cluster(vectors, 0.5, weights: [1, 7]);

        Assert.Equal([[1], [0]], groups.Select(g => g.ToArray()).ToArray());
    }

    [Fact]
    public void Cluster_SameInputTwice_GivesTheSameGroups()
    {
        var questions = Enumerable.Range(0, 60).Select(i => $"question {i % 7} about {(i % 3 == 0 ? "lithium" : "graphite")} export {i % 5}").ToArray();

        Assert.Equal(Groups(questions, 0.5), Groups(questions, 0.5));
    }

    [Fact]
    public void Centroid_IsUnitLength()
    {
        var centroid = QuestionClusterer.Centroid([Embedder.Embed("nickel ban"), Embedder.Embed("cobalt levy")]);
        Assert.Equal(1.0, Math.Sqrt(centroid.Sum(x => (double)x * x)), 5);
    }
}
