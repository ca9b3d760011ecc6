using PolicyBot.Core.Answering;
using PolicyBot.Core.Retrieval;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Answering;

public sealed class StaleStatusNoticeTests
{
    private static readonly PolicyBot.Core.Domain.DocumentRecord Suspended = Records.Document("cn-58", "No. 58", status: "suspended until 10 November 2026");

    private static (AnswerContext, IReadOnlyList<Citation>) Cited(DateOnly today)
    {
        var passage = Records.Scored(Suspended, "text");
        var context = new AnswerContext(QueryAnalysis.Analyse("is it in force?", []), [passage], [], today);
        return (context, CitationPostProcessor.Process("x [1]", [passage]).Citations);
    }

    [Fact]
    public void For_StatusDatePassed_SaysSo()
    {
        var (context, citations) = Cited(new DateOnly(2026, 11, 30));
        var notice = StaleStatusNotice.For(context, citations);
        Assert.NotNull(notice);
        Assert.Contains("10 November 2026", notice);
        Assert.Contains("30 November 2026", notice);
    }

    [Fact]
    public void For_StatusDateAhead_SaysNothing()
    {
        var (context, citations) = Cited(new DateOnly(2026, 3, 1));
        Assert.Null(StaleStatusNotice.For(context, citations));
    }
}
