using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Conversations;
using PolicyBot.Core.Conversations.RateLimiting;
using PolicyBot.Core.Feedback;
using PolicyBot.Core.Tests.Briefings;
using PolicyBot.Core.Tests.Fakes;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.Conversations;

/// <summary>The conversation layer's question log (every answered and refused question) and its rate limits.</summary>
public sealed class ConversationLimitsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-30T09:00:00Z"));
    private readonly TempDirectory _temp = new();
    private readonly ExtractiveAnswerComposer _composer = new();
    private IndexedCorpus _corpus = null!;
    private SqliteQuestionLog _log = null!;

    public async Task InitializeAsync()
    {
        _log = new SqliteQuestionLog(_temp.File("state.db"));
        _corpus = await IndexedCorpus.CreateAsync();
        _corpus.Write("crma.md", IndexedCorpus.Measure("eu-crma", "Critical Raw Materials Act", "European Union", "2024-04-11",
            "The CRMA benchmarks are 10% extraction, 40% processing and 25% recycling. The CRMA entered into force on 23 May 2024."));
        await _corpus.IngestAsync();
    }

    public async Task DisposeAsync()
    {
        await _corpus.DisposeAsync();
        _temp.Dispose();
    }

    private ConversationService Service(int userBurst = 100, int channelBurst = 100) => new(
        new AskService(_corpus.Retriever(), _composer, new CoverageDescriber(_corpus.Index), _time, NullLogger<AskService>.Instance),
        _corpus.Index, _corpus.Retriever(), new InMemoryConversationHistory(), new ReplyJournal(), NullLogger<ConversationService>.Instance,
        questions: _log,
        rateLimiter: new QuestionRateLimiter(Options.Create(new RateLimitOptions
        {
            PerUser = new RateLimitRule { QuestionsPerMinute = 6, Burst = userBurst },
            PerChannel = new RateLimitRule { QuestionsPerMinute = 6, Burst = channelBurst },
        }), _time),
        time: _time);

    [Fact]
    public async Task HandleAsync_AnsweredAndRefusedQuestions_AreLoggedWithPlatformConversationAndTime()
    {
        var service = Service();
        var answered = await service.HandleAsync(new ChatTurn("chan-1", "u1", "What are the CRMA benchmarks?", Platform: "discord"), default);
        _time.Advance(TimeSpan.FromMinutes(1));
        var refused = await service.HandleAsync(new ChatTurn("conv-2", "u2", "Which pizza toppings are popular in Naples?", Platform: "teams"), default);
        await service.HandleAsync(new ChatTurn("conv-2", "u2", "latest", Platform: "teams"), default);

        var log = await _log.ListAsync(null, default);

        Assert.Equal(ReplyKind.Answer, answered.Kind);
        Assert.Equal(ReplyKind.Refusal, refused.Kind);
        Assert.Equal(2, log.Count);   // `latest` is not a question
        Assert.Equal(new QuestionRecord("discord", "chan-1", "u1", "What are the CRMA benchmarks?", false, answered.ReplyKey!, _time.GetUtcNow().AddMinutes(-1)), log[0]);
        Assert.Equal(new QuestionRecord("teams", "conv-2", "u2", "Which pizza toppings are popular in Naples?", true, refused.ReplyKey!, _time.GetUtcNow()), log[1]);
    }

    [Fact]
    public async Task HandleAsync_OverTheUserLimit_RepliesFriendlyWithoutRetrievalOrLogging()
    {
        var service = Service(userBurst: 2);
        await service.HandleAsync(new ChatTurn("c1", "u1", "What are the CRMA benchmarks?", Platform: "web"), default);
        await service.HandleAsync(new ChatTurn("c1", "u1", "When did the CRMA enter into force?", Platform: "web"), default);
        var embeddings = _corpus.Embedder.Calls;
        var composed = _composer.Calls;

        var limited = await service.HandleAsync(new ChatTurn("c1", "u1", "What about recycling?", Platform: "web"), default);

        Assert.Equal(ReplyKind.Error, limited.Kind);
        Assert.Equal("You're asking faster than I can keep up — try again in 10 seconds.", limited.Text);
        Assert.Null(limited.ReplyKey);
        Assert.Equal(embeddings, _corpus.Embedder.Calls);
        Assert.Equal(composed, _composer.Calls);
        Assert.Equal(2, (await _log.ListAsync(null, default)).Count);

        // Help stays available, and after the wait the user is answered again.
        Assert.Equal(ReplyKind.Help, (await service.HandleAsync(new ChatTurn("c1", "u1", "help", Platform: "web"), default)).Kind);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(ReplyKind.Answer, (await service.HandleAsync(new ChatTurn("c1", "u1", "What are the CRMA benchmarks?", Platform: "web"), default)).Kind);
    }

    [Fact]
    public async Task HandleAsync_OverTheChannelLimit_LimitsEveryUserInThatChannel()
    {
        var service = Service(channelBurst: 1);
        await service.HandleAsync(new ChatTurn("thread", "u1", "What are the CRMA benchmarks?", Platform: "teams", ChannelId: "team-channel"), default);

        var other = await service.HandleAsync(new ChatTurn("thread-2", "u2", "What are the CRMA benchmarks?", Platform: "teams", ChannelId: "team-channel"), default);
        var elsewhere = await service.HandleAsync(new ChatTurn("dm", "u2", "What are the CRMA benchmarks?", Platform: "teams"), default);

        Assert.StartsWith("You're asking faster", other.Text);
        Assert.Equal(ReplyKind.Answer, elsewhere.Kind);
    }

    [Fact]
    public async Task HandleAsync_QuestionLogUnwritable_StillAnswers()
    {
        var service = new ConversationService(
            new AskService(_corpus.Retriever(), _composer, new CoverageDescriber(_corpus.Index), _time, NullLogger<AskService>.Instance),
            _corpus.Index, _corpus.Retriever(), new InMemoryConversationHistory(), new ReplyJournal(), NullLogger<ConversationService>.Instance,
            questions: new UnwritableQuestionLog(), time: _time);

        var reply = await service.HandleAsync(new ChatTurn("c1", "u1", "What are the CRMA benchmarks?", Platform: "web"), default);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Contains("40%", reply.Text);
        Assert.NotNull(reply.ReplyKey);
    }

    private sealed class UnwritableQuestionLog : IQuestionLog
    {
        public Task AddAsync(QuestionRecord question, CancellationToken cancellationToken) => throw new IOException("disk full");
        public Task<IReadOnlyList<QuestionRecord>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken) => throw new IOException("disk full");
    }
}
