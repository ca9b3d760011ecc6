namespace PolicyBot.Core.Feedback;

/// <summary>How stored votes count: one per person per answer, the latest standing (a changed mind, or a reason added later).</summary>
public static class FeedbackVotes
{
    public static IReadOnlyList<FeedbackRecord> LatestPerVoter(IEnumerable<FeedbackRecord> votes) =>
        [.. votes
            .Select((vote, order) => (vote, order))
            .GroupBy(v => (v.vote.Platform, v.vote.ReplyKey, v.vote.UserId))
            .Select(g => g.MaxBy(v => (v.vote.At, v.order)))
            .OrderBy(v => v.order)
            .Select(v => v.vote)];
}
