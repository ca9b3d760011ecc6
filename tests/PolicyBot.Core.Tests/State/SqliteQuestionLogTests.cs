using PolicyBot.Core.Feedback;
using PolicyBot.Core.Tests.State.Contracts;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.State;

public sealed class SqliteQuestionLogTests : QuestionLogContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly IQuestionLog _log;

    public SqliteQuestionLogTests() => _log = Reopen();

    protected override IQuestionLog Log => _log;

    protected override IQuestionLog Reopen() => new SqliteQuestionLog(_directory.File("state.db"));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task QuestionsAndFeedback_ShareTheStateFile()
    {
        var at = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        await _log.AddAsync(new QuestionRecord("web", "web:c1", "u1", "What are the CRMA benchmarks?", false, "key2", at), default);
        await new SqliteFeedbackStore(_directory.File("state.db")).AddAsync(new FeedbackRecord("web", "web:c1", "u1", "key2", true, null, null, null, [], at), default);

        Assert.Equal("key2", Assert.Single(await Reopen().ListAsync(null, default)).ReplyKey);
        Assert.Equal("key2", Assert.Single(await new SqliteFeedbackStore(_directory.File("state.db")).ListAsync(null, default)).ReplyKey);
    }
}
