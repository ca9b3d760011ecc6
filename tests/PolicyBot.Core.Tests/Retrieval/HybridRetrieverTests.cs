using PolicyBot.Core.Answering;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Retrieval;

public sealed class HybridRetrieverTests : IAsyncLifetime
{
    private IndexedCorpus _corpus = null!;

    public async Task InitializeAsync()
    {
        _corpus = await IndexedCorpus.CreateAsync();
        _corpus.Write("58.md", IndexedCorpus.Measure("cn-58", "Announcement No. 58 battery export controls", "China", "2025-10-09",
            "Announcement No. 58 controls exports of lithium batteries above 300 Wh/kg and LFP cathode material.",
            "relations:\n  suspended_by: [cn-70]", "suspended until 10 November 2026"));
        _corpus.Write("70.md", IndexedCorpus.Measure("cn-70", "Announcement No. 70 suspension", "China", "2025-11-07",
            "Announcement No. 70 pauses several October 2025 measures for one year.", "relations:\n  suspends: [cn-58]"));
        _corpus.Write("crma.md", IndexedCorpus.Measure("eu-crma", "Critical Raw Materials Act", "European Union", "2024-04-11",
            "The CRMA benchmarks are 10% extraction, 40% processing and 25% recycling, with a 65% single-country cap."));
        _corpus.Write("us.md", IndexedCorpus.Measure("us-301", "Section 301 tariffs on batteries", "United States", "2024-05-14",
            "Section 301 tariffs on Chinese lithium batteries rise to 25% in 2026."));
        await _corpus.IngestAsync();
    }

    public async Task DisposeAsync() => await _corpus.DisposeAsync();

    [Fact]
    public async Task RetrieveAsync_MeasureWithSuspension_AddsTheSuspendingMeasure()
    {
        var result = await _corpus.Retriever().RetrieveAsync("LFP cathode lithium batteries 300 Wh/kg export controls", [], SearchFilter.None, CancellationToken.None);

        Assert.True(result.Answerable);
        Assert.Equal("cn-58", result.Passages[0].Document.Id);
        var added = Assert.Single(result.Passages, p => p.Document.Id == "cn-70");
        Assert.NotEqual("cn-70", result.Passages[0].Document.Id);
    }

    [Fact]
    public async Task RetrieveAsync_Filter_KeepsOnlyMatchingJurisdiction()
    {
        var filter = new SearchFilter { Jurisdiction = "United States" };
        var result = await _corpus.Retriever().RetrieveAsync("lithium batteries tariffs and export controls", [], filter, CancellationToken.None);

        Assert.NotEmpty(result.Passages);
        Assert.All(result.Passages.Where(p => !p.Expanded), p => Assert.Equal("United States", p.Document.Metadata.Jurisdiction));
    }

    [Fact]
    public async Task RetrieveAsync_QuestionTheCorpusDoesNotCover_IsNotAnswerable()
    {
        var result = await _corpus.Retriever().RetrieveAsync("what's the weather in Vancouver tomorrow", [], SearchFilter.None, CancellationToken.None);
        Assert.False(result.Answerable);
    }

    [Fact]
    public async Task RetrieveAsync_FollowUp_UsesThePreviousTurn()
    {
        IReadOnlyList<ConversationTurn> history = [new(ChatRole.User, "What are the CRMA benchmarks?")];
        var result = await _corpus.Retriever().RetrieveAsync("and what is its cap?", history, SearchFilter.None, CancellationToken.None);

        Assert.True(result.Query.IsFollowUp);
        Assert.Equal("eu-crma", result.Passages[0].Document.Id);
    }

    [Theory]
    [InlineData(SearchMode.Keyword)]
    [InlineData(SearchMode.Dense)]
    [InlineData(SearchMode.Hybrid)]
    public async Task SearchAsync_EachMode_FindsTheObviousPassage(SearchMode mode)
    {
        var hits = await _corpus.Retriever().SearchAsync("CRMA benchmarks extraction processing recycling", mode, 3, SearchFilter.None, CancellationToken.None);
        Assert.Equal("eu-crma", hits[0].Document.Id);
        Assert.True(hits.Count <= 3);
        Assert.Equal(mode != SearchMode.Keyword, hits[0].Dense is not null);
    }
}
