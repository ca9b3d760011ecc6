namespace PolicyBot.Core.Feedback;

/// <summary>A helpful / not helpful vote on one answer, with what was asked and answered.</summary>
public sealed record FeedbackRecord(
    string Platform,
    string ConversationId,
    string UserId,
    string ReplyKey,
    bool Helpful,
    string? Reason,
    string? Question,
    string? Answer,
    IReadOnlyList<string> CitedDocuments,
    DateTimeOffset At);
