using PolicyBot.Core.Retrieval;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Retrieval;

public sealed class AnswerabilityGateTests
{
    private static readonly ScoredPassage[] Graphite =
    [
        Records.Scored(Records.Document("cn-graphite", "China graphite export controls", materials: ["graphite", "spherical graphite"]),
            "Since 1 December 2023 exporters of spherical graphite need a licence from MOFCOM. Synthetic graphite above 99.9% purity is listed."),
    ];

    [Fact]
    public void TermCoverage_QuestionAboutTheDocument_IsHigh()
    {
        // Missing only "start" and "requiring"; "exports" matches "exporters", "China" the jurisdiction.
        var coverage = AnswerabilityGate.TermCoverage("when did China start requiring licences for spherical graphite exports?", Graphite);
        Assert.Equal(6.0 / 8, coverage, 6);
    }

    [Fact]
    public void TermCoverage_UnknownNamesWeighDouble()
    {
        // "Brazil" (a name) and "royalty" are missing; "graphite" and "law"... only graphite is present.
        var coverage = AnswerabilityGate.TermCoverage("Does Brazil have a graphite royalty law?", Graphite);
        Assert.True(coverage < 0.4, $"coverage {coverage}");
    }

    [Fact]
    public void TermCoverage_UnrelatedQuestion_IsZero() =>
        Assert.Equal(0, AnswerabilityGate.TermCoverage("what's the weather in Vancouver tomorrow", Graphite));

    [Fact]
    public void TermCoverage_NoContentWords_IsZero() =>
        Assert.Equal(0, AnswerabilityGate.TermCoverage("what is it?", Graphite));
}
