using PolicyBot.Core.Feedback;

namespace PolicyBot.Core.Tests.State.Contracts;

/// <summary>What every <see cref="IFeedbackStore"/> must do.</summary>
public abstract class FeedbackStoreContractTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IFeedbackStore Store { get; }

    protected abstract IFeedbackStore Reopen();

    private static readonly FeedbackRecord Negative =
        new("teams", "19:conv@thread.tacv2", "29:user", "key1", false, "wrong date", "When?", "On 8 November 2025 [1]", ["cn-58", "us-7"], At);

    private static readonly FeedbackRecord Positive = new("discord", "chan", "u2", "key2", true, null, null, null, [], At.AddDays(2));

    [StoreFact]
    public async Task AddAsync_ThenList_KeepsEveryFieldInTimeOrder()
    {
        await Store.AddAsync(Positive, None);
        await Store.AddAsync(Negative, None);

        Assert.Equal([Describe(Negative), Describe(Positive)], (await Store.ListAsync(null, None)).Select(Describe));
    }

    [StoreFact]
    public async Task ListAsync_Since_IncludesTheBoundaryAndLater()
    {
        await Store.AddAsync(Negative, None);
        await Store.AddAsync(Positive, None);

        Assert.Equal(["key2"], (await Store.ListAsync(At.AddDays(1), None)).Select(f => f.ReplyKey));
        Assert.Equal(["key1", "key2"], (await Store.ListAsync(At, None)).Select(f => f.ReplyKey));
        Assert.Empty(await Store.ListAsync(At.AddDays(3), None));
    }

    [StoreFact]
    public async Task Votes_SurviveAReopen()
    {
        await Store.AddAsync(Negative, None);

        Assert.Equal([Describe(Negative)], (await Reopen().ListAsync(null, None)).Select(Describe));
    }

    private static string Describe(FeedbackRecord f) =>
        $"{f.Platform}|{f.ConversationId}|{f.UserId}|{f.ReplyKey}|{f.Helpful}|{f.Reason}|{f.Question}|{f.Answer}|{string.Join(",", f.CitedDocuments)}|{f.At.ToUniversalTime():o}";
}
