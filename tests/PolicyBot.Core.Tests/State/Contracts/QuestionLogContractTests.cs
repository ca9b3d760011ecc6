using PolicyBot.Core.Feedback;

namespace PolicyBot.Core.Tests.State.Contracts;

/// <summary>What every <see cref="IQuestionLog"/> must do.</summary>
public abstract class QuestionLogContractTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IQuestionLog Log { get; }

    protected abstract IQuestionLog Reopen();

    private static readonly QuestionRecord Refused =
        new("discord", "chan-1", "u1", "Does Chile tax lithium exports?", true, "key1", At);

    private static readonly QuestionRecord Answered =
        new("web", "web:c1", "web-user:127.0.0.1", "What are the CRMA benchmarks?", false, "key2", At.AddDays(2));

    [StoreFact]
    public async Task AddAsync_ThenList_KeepsEveryFieldOldestFirst()
    {
        await Log.AddAsync(Answered, None);
        await Log.AddAsync(Refused, None);

        Assert.Equal([Refused, Answered], await Log.ListAsync(null, None));
    }

    [StoreFact]
    public async Task ListAsync_Since_IncludesTheBoundaryAndLater()
    {
        await Log.AddAsync(Refused, None);
        await Log.AddAsync(Answered, None);

        Assert.Equal(["key2"], (await Log.ListAsync(At.AddDays(1), None)).Select(q => q.ReplyKey));
        Assert.Equal(["key1", "key2"], (await Log.ListAsync(At, None)).Select(q => q.ReplyKey));
        Assert.Empty(await Log.ListAsync(At.AddDays(3), None));
    }

    [StoreFact]
    public async Task ListAsync_EqualTimes_KeepTheOrderAsked()
    {
        var keys = new[] { "k-c", "k-a", "k-b" };
        foreach (var key in keys) await Log.AddAsync(Refused with { ReplyKey = key }, None);

        Assert.Equal(keys, (await Log.ListAsync(null, None)).Select(q => q.ReplyKey));
    }

    [StoreFact]
    public async Task AddAsync_TextWithQuotesAndNonLatinScript_IsKeptExactly()
    {
        var question = Answered with { Question = "Is China's 'graphite' (石墨) export rule \"in force\"; -- yes?", At = At.AddHours(3).ToOffset(TimeSpan.FromHours(8)) };

        await Log.AddAsync(question, None);

        var stored = Assert.Single(await Log.ListAsync(null, None));
        Assert.Equal(question.Question, stored.Question);
        Assert.Equal(question.At, stored.At);
    }

    [StoreFact]
    public async Task Questions_SurviveAReopen()
    {
        await Log.AddAsync(Refused, None);

        Assert.Equal([Refused], await Reopen().ListAsync(null, None));
    }
}
