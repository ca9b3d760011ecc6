using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Conversations;

namespace PolicyBot.Core.Tests.Measures;

[Collection(PolicyCorpusCollection.Name)]
public sealed class ConversationMeasureCommandsTests(PolicyCorpusFixture fixture)
{
    private ConversationService Service(MeasureReplies? measures)
    {
        var corpus = fixture.Corpus;
        var ask = new AskService(corpus.Retriever(), new Extractive(), new CoverageDescriber(corpus.Index),
            new FakeTimeProvider(DateTimeOffset.Parse("2027-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), NullLogger<AskService>.Instance);
        return new ConversationService(ask, corpus.Index, corpus.Retriever(), new InMemoryConversationHistory(), new Feedback.ReplyJournal(),
            NullLogger<ConversationService>.Instance, measures);
    }

    [Theory]
    [InlineData("compare China \"United States\" --material graphite")]
    [InlineData("/timeline graphite")]
    [InlineData("upcoming --days 60")]
    [InlineData("!latest --since 2025-11")]
    public async Task HandleAsync_MeasureCommands_ReplyWithCitedMeasuresAndFreshness(string text)
    {
        var reply = await Service(fixture.Replies(new DateOnly(2027, 1, 1))).HandleAsync(new ChatTurn("c", "u", text), default);

        Assert.Equal(ReplyKind.Measures, reply.Kind);
        Assert.NotEmpty(reply.Citations);
        Assert.StartsWith("Sources as of ", reply.Freshness);
        Assert.Null(reply.ReplyKey);
    }

    [Fact]
    public async Task HandleAsync_WithoutARegister_UsesOneOnTheSystemClock()
    {
        var reply = await Service(null).HandleAsync(new ChatTurn("c", "u", "latest"), default);
        Assert.Equal("us-critical-minerals-ministerial-forge-2026", reply.Items[0].DocumentId);
    }

    [Fact]
    public async Task HandleAsync_BadArguments_SayWhatIsWrongAndHowToWriteIt()
    {
        var reply = await Service(null).HandleAsync(new ChatTurn("c", "u", "/upcoming --days forever"), default);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains("--days takes a number", reply.Text);
        Assert.Contains("`upcoming [--days N]`", reply.Text);
    }

    [Fact]
    public async Task HandleAsync_Help_ListsTheNewCommands()
    {
        var help = await Service(null).HandleAsync(new ChatTurn("c", "u", "help"), default);
        Assert.Contains("timeline <material or jurisdiction>", help.Text);
        Assert.Contains("compare <A> <B>", help.Text);
        Assert.Contains("upcoming [--days N]", help.Text);
    }

    private sealed class Extractive : IAnswerComposer
    {
        public Task<ComposedText> ComposeAsync(AnswerContext context, CancellationToken cancellationToken) =>
            Task.FromResult(new ComposedText(ExtractiveComposer.Compose(context)));
    }
}
