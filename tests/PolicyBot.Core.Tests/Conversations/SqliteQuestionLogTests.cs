using PolicyBot.Core.Feedback;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.Conversations;

public sealed class SqliteQuestionLogTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AddAsync_ThenList_KeepsEveryFieldAndFiltersBySince()
    {
        var path = _temp.File("state.db");
        var at = DateTimeOffset.Parse("2026-11-30T10:00:00Z");
        var refused = new QuestionRecord("discord", "chan-1", "u1", "Does Chile tax lithium exports?", true, "key1", at);
        var answered = new QuestionRecord("web", "web:c1", "web-user:127.0.0.1", "What are the CRMA benchmarks?", false, "key2", at.AddDays(2));
        await new SqliteQuestionLog(path).AddAsync(refused, default);
        await new SqliteQuestionLog(path).AddAsync(answered, default);
        // Feedback shares the state file.
        await new SqliteFeedbackStore(path).AddAsync(new FeedbackRecord("web", "web:c1", "web-user", "key2", true, null, null, null, [], at), default);

        var all = await new SqliteQuestionLog(path).ListAsync(null, default);
        var recent = await new SqliteQuestionLog(path).ListAsync(at.AddDays(1), default);

        Assert.Equal([refused, answered], all);
        Assert.Equal([answered], recent);
        Assert.Single(await new SqliteFeedbackStore(path).ListAsync(null, default));
    }
}
