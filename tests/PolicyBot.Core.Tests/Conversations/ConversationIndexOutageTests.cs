using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Conversations;
using PolicyBot.Core.Feedback;
using PolicyBot.Core.Retrieval;
using PolicyBot.Core.Tests.Briefings;
using PolicyBot.Core.Tests.Fakes;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.Conversations;

/// <summary>
/// While the passage index is unreachable (Qdrant down), every chat command gets the short "index unreachable" reply,
/// not the generic failure; once it is back, the same service answers again.
/// </summary>
public sealed class ConversationIndexOutageTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-30T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private IndexedCorpus _corpus = null!;
    private OutageIndex _index = null!;

    public async Task InitializeAsync()
    {
        _corpus = await IndexedCorpus.CreateAsync();
        _corpus.Write("crma.md", IndexedCorpus.Measure("eu-crma", "Critical Raw Materials Act", "European Union", "2024-04-11",
            "The CRMA benchmarks are 10% extraction, 40% processing and 25% recycling."));
        await _corpus.IngestAsync();
        _index = new OutageIndex(_corpus.Index);
        await _index.InitializeAsync(_corpus.Embedder.ModelId, _corpus.Embedder.Dimensions, default);
    }

    public async Task DisposeAsync() => await _corpus.DisposeAsync();

    private ConversationService Service()
    {
        var retriever = new HybridRetriever(_index, _corpus.Embedder, Options.Create(new RetrievalOptions()));
        return new ConversationService(
            new AskService(retriever, new ExtractiveAnswerComposer(), new CoverageDescriber(_index), _time, NullLogger<AskService>.Instance),
            _index, retriever, new InMemoryConversationHistory(), new ReplyJournal(), NullLogger<ConversationService>.Instance, time: _time);
    }

    [Theory]
    [InlineData("What are the CRMA benchmarks?")]
    [InlineData("sources")]
    [InlineData("sources CRMA")]
    [InlineData("latest")]
    [InlineData("timeline lithium")]
    public async Task HandleAsync_IndexUnreachable_RepliesThatTheIndexIsUnreachable(string text)
    {
        _index.Down = true;

        var reply = await Service().HandleAsync(new ChatTurn("c1", "u1", text), default);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Equal(ConversationService.IndexUnavailableReply, reply.Text);
    }

    [Fact]
    public async Task HandleAsync_IndexBack_TheSameServiceAnswersAgain()
    {
        var service = Service();
        _index.Down = true;
        var during = await service.HandleAsync(new ChatTurn("c1", "u1", "What are the CRMA benchmarks?"), default);

        _index.Down = false;
        var after = await service.HandleAsync(new ChatTurn("c1", "u1", "What are the CRMA benchmarks?"), default);

        Assert.Equal(ConversationService.IndexUnavailableReply, during.Text);
        Assert.Equal(ReplyKind.Answer, after.Kind);
        Assert.Contains("40%", after.Text);
    }
}
