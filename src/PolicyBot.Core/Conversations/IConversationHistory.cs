using PolicyBot.Core.Answering;

namespace PolicyBot.Core.Conversations;

/// <summary>Recent turns per conversation, for follow-up questions.</summary>
public interface IConversationHistory
{
    IReadOnlyList<ConversationTurn> Get(string conversationId);

    void Append(string conversationId, ConversationTurn question, ConversationTurn answer);
}
