using PolicyBot.Core.Feedback;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.Conversations;

public sealed class SqliteFeedbackStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AddAsync_ThenList_SurvivesANewStoreOnTheSameFile()
    {
        var path = _temp.File("state.db");
        var at = DateTimeOffset.Parse("2026-11-30T10:00:00Z");
        await new SqliteFeedbackStore(path).AddAsync(new FeedbackRecord("teams", "conv", "user", "key1", false, "wrong date", "When?", "On 8 November 2025 [1]", ["cn-58"], at), default);
        await new SqliteFeedbackStore(path).AddAsync(new FeedbackRecord("discord", "chan", "u2", "key2", true, null, null, null, [], at.AddDays(2)), default);

        var all = await new SqliteFeedbackStore(path).ListAsync(null, default);
        var recent = await new SqliteFeedbackStore(path).ListAsync(at.AddDays(1), default);

        Assert.Equal(2, all.Count);
        Assert.Equal(new FeedbackRecord("teams", "conv", "user", "key1", false, "wrong date", "When?", "On 8 November 2025 [1]", ["cn-58"], at) with { CitedDocuments = all[0].CitedDocuments }, all[0]);
        Assert.Equal(["cn-58"], all[0].CitedDocuments);
        Assert.Equal("key2", Assert.Single(recent).ReplyKey);
    }
}
