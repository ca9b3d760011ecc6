using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Answering;

public sealed class AskServiceTests : IAsyncLifetime
{
    private IndexedCorpus _corpus = null!;

    public async Task InitializeAsync()
    {
        _corpus = await IndexedCorpus.CreateAsync();
        _corpus.Write("58.md", IndexedCorpus.Measure("cn-58", "Announcement No. 58 battery export controls", "China", "2025-10-09",
            "Announcement No. 58 controls exports of lithium batteries above 300 Wh/kg and LFP cathode material.",
            "", "suspended until 10 November 2026"));
        _corpus.Write("crma.md", IndexedCorpus.Measure("eu-crma", "Critical Raw Materials Act", "European Union", "2024-04-11",
            "The CRMA benchmarks are 10% extraction, 40% processing and 25% recycling."));
        await _corpus.IngestAsync();
    }

    public async Task DisposeAsync() => await _corpus.DisposeAsync();

    private AskService Service(IAnswerComposer composer, DateTimeOffset? now = null) =>
        new(_corpus.Retriever(), composer, new CoverageDescriber(_corpus.Index),
            new FakeTimeProvider(now ?? DateTimeOffset.Parse("2026-11-30T09:00:00Z")), NullLogger<AskService>.Instance);

    [Fact]
    public async Task AskAsync_ComposerCitesNothingValid_IsNotShownAsAnAnswer()
    {
        var answer = await Service(new FixedComposer("Batteries are controlled [7]. Trust me.")).AskAsync(new AskRequest("LFP battery export controls 300 Wh/kg"), default);

        Assert.True(answer.Refused);
        Assert.Empty(answer.Citations);
        Assert.Contains("do not cover", answer.Text);
    }

    [Fact]
    public async Task AskAsync_ValidCitation_KeepsItAndAddsTheStaleStatusNotice()
    {
        var answer = await Service(new FixedComposer("Announcement No. 58 is suspended [1].")).AskAsync(new AskRequest("LFP battery export controls 300 Wh/kg"), default);

        Assert.False(answer.Refused);
        Assert.Equal("cn-58", Assert.Single(answer.Citations).DocumentId);
        Assert.Contains("before today (30 November 2026)", answer.Notice);
    }

    [Fact]
    public async Task AskAsync_BeforeTheStatusDate_HasNoStaleNotice()
    {
        var answer = await Service(new FixedComposer("Suspended [1]."), DateTimeOffset.Parse("2026-03-01T00:00:00Z"))
            .AskAsync(new AskRequest("LFP battery export controls 300 Wh/kg"), default);

        Assert.Null(answer.Notice);
    }

    [Fact]
    public async Task AskAsync_OutOfScope_RefusesAndNamesWhatIsCovered()
    {
        var composer = new FixedComposer("unused [1]");
        var answer = await Service(composer).AskAsync(new AskRequest("what's the weather in Vancouver tomorrow"), default);

        Assert.True(answer.Refused);
        Assert.Contains("2 documents", answer.Text);
        Assert.Contains("China", answer.Text);
        Assert.Equal(0, composer.Calls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AskAsync_EmptyQuestion_AsksForOne(string question)
    {
        var answer = await Service(new FixedComposer("x [1]")).AskAsync(new AskRequest(question), default);
        Assert.True(answer.Refused);
        Assert.Contains("Please ask a question", answer.Text);
    }

    [Fact]
    public async Task AskAsync_HugeQuestion_IsRefusedWithItsLength()
    {
        var answer = await Service(new FixedComposer("x [1]")).AskAsync(new AskRequest(new string('a', 5000)), default);
        Assert.True(answer.Refused);
        Assert.Contains("5,000 characters", answer.Text);
    }

    private sealed class FixedComposer(string text) : IAnswerComposer
    {
        public int Calls { get; private set; }

        public Task<ComposedText> ComposeAsync(AnswerContext context, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new ComposedText(text));
        }
    }
}
