using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Answering;

public sealed record AskRequest(string Question, IReadOnlyList<ConversationTurn> History, SearchFilter Filter)
{
    /// <summary>Longer questions are refused with a clear message rather than embedded and searched.</summary>
    public const int MaxQuestionLength = 2000;

    public AskRequest(string question) : this(question, [], SearchFilter.None) { }
}
