using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Conversations;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Conversations;

public sealed class ConversationServiceTests : IAsyncLifetime
{
    private IndexedCorpus _corpus = null!;
    private readonly InMemoryConversationHistory _history = new();
    private readonly PolicyBot.Core.Feedback.ReplyJournal _journal = new();

    public async Task InitializeAsync()
    {
        _corpus = await IndexedCorpus.CreateAsync();
        _corpus.Write("58.md", IndexedCorpus.Measure("cn-58", "Announcement No. 58 battery export controls", "China", "2025-10-09",
            "Announcement No. 58 controls exports of lithium batteries above 300 Wh/kg and graphite anode material."));
        _corpus.Write("g23.md", IndexedCorpus.Measure("cn-graphite", "Graphite export controls", "China", "2023-10-20",
            "China requires licences for spherical graphite exports from 1 December 2023."));
        _corpus.Write("crma.md", IndexedCorpus.Measure("eu-crma", "Critical Raw Materials Act", "European Union", "2024-04-11",
            "The CRMA benchmarks are 10% extraction, 40% processing and 25% recycling. The CRMA entered into force on 23 May 2024."));
        await _corpus.IngestAsync();
    }

    public async Task DisposeAsync() => await _corpus.DisposeAsync();

    private ConversationService Service(IAnswerComposer? composer = null) => new(
        new AskService(_corpus.Retriever(), composer ?? new ExtractiveOnly(), new CoverageDescriber(_corpus.Index),
            new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T00:00:00Z")), NullLogger<AskService>.Instance),
        _corpus.Index, _corpus.Retriever(), _history, _journal, NullLogger<ConversationService>.Instance);

    [Fact]
    public async Task HandleAsync_Question_AnswersWithCitationsAndFreshness()
    {
        var reply = await Service().HandleAsync(new ChatTurn("chan-1", "u1", "What are the CRMA benchmarks?"), default);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Contains("[1]", reply.Text);
        Assert.Equal("eu-crma", reply.Citations[0].DocumentId);
        Assert.StartsWith("Sources as of ", reply.Freshness);
        var recorded = _journal.Find(reply.ReplyKey);
        Assert.Equal("What are the CRMA benchmarks?", recorded!.Question);
        Assert.Equal(["eu-crma"], recorded.CitedDocuments);
    }

    [Fact]
    public async Task HandleAsync_FollowUpInTheSameConversation_UsesTheEarlierTurn()
    {
        var service = Service();
        await service.HandleAsync(new ChatTurn("thread-9", "u1", "What are the CRMA benchmarks?"), default);

        var followUp = await service.HandleAsync(new ChatTurn("thread-9", "u1", "and when did it enter into force?"), default);

        Assert.Equal("eu-crma", followUp.Citations[0].DocumentId);
        Assert.Equal(4, _history.Get("thread-9").Count);
        Assert.Empty(_history.Get("other"));
    }

    [Fact]
    public async Task HandleAsync_Latest_ListsNewestFirstWithFilters()
    {
        var all = await Service().HandleAsync(new ChatTurn("c", "u", "latest"), default);
        Assert.Equal(["cn-58", "eu-crma", "cn-graphite"], all.Items.Select(i => i.DocumentId));

        var china = await Service().HandleAsync(new ChatTurn("c", "u", "latest China"), default);
        Assert.Equal(["cn-58", "cn-graphite"], china.Items.Select(i => i.DocumentId));
        Assert.Contains("9 October 2025 · China · Announcement No. 58", china.Text);

        var explicitFilters = await Service().HandleAsync(new ChatTurn("c", "u", "", new ChatCommand.Latest("European Union")), default);
        Assert.Equal(["eu-crma"], explicitFilters.Items.Select(i => i.DocumentId));
    }

    [Fact]
    public async Task HandleAsync_Sources_CountsOrMatches()
    {
        var overview = await Service().HandleAsync(new ChatTurn("c", "u", "sources"), default);
        Assert.Contains("3 documents", overview.Text);
        Assert.Contains("Announcement No. 58", overview.Text);

        var matching = await Service().HandleAsync(new ChatTurn("c", "u", "sources spherical graphite"), default);
        Assert.Equal("cn-graphite", matching.Items[0].DocumentId);
    }

    [Fact]
    public async Task HandleAsync_UnknownCommandAndHelp()
    {
        var unknown = await Service().HandleAsync(new ChatTurn("c", "u", "/frobnicate"), default);
        Assert.Equal(ReplyKind.Error, unknown.Kind);
        Assert.Contains("frobnicate", unknown.Text);

        var help = await Service().HandleAsync(new ChatTurn("c", "u", "help"), default);
        Assert.Contains("latest [jurisdiction] [material]", help.Text);
    }

    [Fact]
    public async Task HandleAsync_ComposerThrows_ReturnsAPoliteErrorWithoutDetails()
    {
        var reply = await Service(new Throwing()).HandleAsync(new ChatTurn("c", "u", "What are the CRMA benchmarks?"), default);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.DoesNotContain("secret stack detail", reply.Text);
        Assert.DoesNotContain(" at ", reply.Text);
    }

    private sealed class ExtractiveOnly : IAnswerComposer
    {
        public Task<ComposedText> ComposeAsync(AnswerContext context, CancellationToken cancellationToken) =>
            Task.FromResult(new ComposedText(ExtractiveComposer.Compose(context)));
    }

    private sealed class Throwing : IAnswerComposer
    {
        public Task<ComposedText> ComposeAsync(AnswerContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret stack detail");
    }
}
