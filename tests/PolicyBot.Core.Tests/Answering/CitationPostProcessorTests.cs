using PolicyBot.Core.Answering;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Answering;

public sealed class CitationPostProcessorTests
{
    private static readonly IReadOnlyList<PolicyBot.Core.Retrieval.ScoredPassage> Passages =
    [
        Records.Scored(Records.Document("cn-58", "Announcement No. 58"), "Announcement No. 58 covers LFP cathode material.", ordinal: 0),
        Records.Scored(Records.Document("cn-70", "Announcement No. 70"), "Announcement No. 70 suspends it until 10 November 2026.", ordinal: 0),
        Records.Scored(Records.Document("eu-crma", "CRMA", jurisdiction: "European Union"), "The CRMA sets a 65% cap.", ordinal: 0),
    ];

    [Fact]
    public void Process_RenumbersInOrderOfFirstUse()
    {
        var (text, citations) = CitationPostProcessor.Process("Suspended [2]. Covers LFP [1]. Again [2].", Passages);

        Assert.Equal("Suspended [1]. Covers LFP [2]. Again [1].", text);
        Assert.Equal(["cn-70", "cn-58"], citations.Select(c => c.DocumentId));
        Assert.Equal([1, 2], citations.Select(c => c.Number));
    }

    [Fact]
    public void Process_DropsMarkersForPassagesThatWereNotGiven()
    {
        var (text, citations) = CitationPostProcessor.Process("Made up [7]. Real [3]. Zero [0].", Passages);

        Assert.Equal("Made up. Real [1]. Zero.", text);
        Assert.Single(citations);
        Assert.Equal("eu-crma", citations[0].DocumentId);
    }

    [Fact]
    public void Process_SplitsGroupedMarkers()
    {
        var (text, citations) = CitationPostProcessor.Process("Both measures [1, 2] and nonsense [2, 9].", Passages);

        Assert.Equal("Both measures [1][2] and nonsense [2].", text);
        Assert.Equal(2, citations.Count);
    }

    [Fact]
    public void Process_NoValidMarker_ReturnsNoCitations()
    {
        var (_, citations) = CitationPostProcessor.Process("An uncited claim. Another [12].", Passages);
        Assert.Empty(citations);
    }

    [Fact]
    public void Process_CitationCarriesMetadataAndQuote()
    {
        var (_, citations) = CitationPostProcessor.Process("x [1]", Passages);
        var c = Assert.Single(citations);
        Assert.Equal("Announcement No. 58", c.Title);
        Assert.Equal("China", c.Jurisdiction);
        Assert.Equal("2025-10-09", c.Announced);
        Assert.Equal("2025-11-08", c.Effective);
        Assert.Equal("https://example.org/cn-58", c.Url);
        Assert.Equal("cn-58#000", c.PassageId);
        Assert.Equal("Announcement No. 58 covers LFP cathode material.", c.Quote);
    }
}
