using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Answering;

/// <summary>Everything a composer may use: the question, the numbered passages ([1] is Passages[0]) and the conversation so far.</summary>
public sealed record AnswerContext(
    QueryAnalysis Query,
    IReadOnlyList<ScoredPassage> Passages,
    IReadOnlyList<ConversationTurn> History,
    DateOnly Today)
{
    public string Question => Query.Question;
}
