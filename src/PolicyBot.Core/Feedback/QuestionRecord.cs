namespace PolicyBot.Core.Feedback;

/// <summary>One question a user asked, answered or refused, kept for the operators' report.</summary>
/// <param name="ReplyKey">Links the question to feedback votes on its answer.</param>
public sealed record QuestionRecord(
    string Platform,
    string ConversationId,
    string UserId,
    string Question,
    bool Refused,
    string ReplyKey,
    DateTimeOffset At);
