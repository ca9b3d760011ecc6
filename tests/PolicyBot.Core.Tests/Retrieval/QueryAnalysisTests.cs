using PolicyBot.Core.Answering;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Tests.Retrieval;

public sealed class QueryAnalysisTests
{
    [Theory]
    [InlineData("is China's battery export control actually in force right now?", true)]
    [InlineData("what's the latest on US critical minerals diplomacy?", true)]
    [InlineData("are the gallium export bans still on?", true)]
    [InlineData("What did Announcement No. 70 do?", false)]
    public void Analyse_DetectsTimeAwareQuestions(string question, bool temporal) =>
        Assert.Equal(temporal, QueryAnalysis.Analyse(question, []).IsTemporal);

    [Fact]
    public void Analyse_FollowUp_JoinsThePreviousUserTurnForRetrieval()
    {
        IReadOnlyList<ConversationTurn> history = [new(ChatRole.User, "What are the CRMA benchmarks?"), new(ChatRole.Assistant, "The CRMA sets ...")];

        var query = QueryAnalysis.Analyse("and when did that regulation enter into force?", history);

        Assert.True(query.IsFollowUp);
        Assert.Contains("CRMA", query.RetrievalQuery);
        Assert.Contains("enter into force", query.RetrievalQuery);
        Assert.Contains("crma", query.ContentTerms);
    }

    [Fact]
    public void Analyse_StandaloneQuestionWithHistory_IsNotAFollowUp()
    {
        IReadOnlyList<ConversationTurn> history = [new(ChatRole.User, "What are the CRMA benchmarks?")];
        var query = QueryAnalysis.Analyse("What is the de minimis threshold in MOFCOM Announcement 61 on rare earth exports?", history);
        Assert.False(query.IsFollowUp);
        Assert.DoesNotContain("CRMA", query.RetrievalQuery);
    }

    [Fact]
    public void Analyse_RecognisesDatesFiguresComparisonsAndTimelines()
    {
        Assert.True(QueryAnalysis.Analyse("when did the ban start?", []).AsksForDate);
        Assert.True(QueryAnalysis.Analyse("what's the purity threshold?", []).AsksForFigure);
        Assert.True(QueryAnalysis.Analyse("compare the EU cap with Korea's target", []).IsComparison);
        Assert.True(QueryAnalysis.Analyse("timeline of graphite controls", []).IsTimeline);
    }

    [Fact]
    public void ContentTerms_DropStopWordsAndStem()
    {
        var terms = TextTerms.ContentTerms("What are the export controls on graphite anodes?");
        Assert.Equal(["export", "control", "graphite", "anode"], terms);
    }

    [Theory]
    [InlineData("grahite", "graphite")]
    [InlineData("expot", "export")]
    public void Occurs_ToleratesOneTypoInLongWords(string typo, string word)
    {
        var stems = TextTerms.StemSet($"the {word} rules");
        Assert.Equal(typo.Length >= 6, TextTerms.Occurs(TextTerms.Stem(typo), stems));
    }
}
