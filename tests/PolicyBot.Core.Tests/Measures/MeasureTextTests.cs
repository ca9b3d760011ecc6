using PolicyBot.Core.Measures;

namespace PolicyBot.Core.Tests.Measures;

public sealed class MeasureTextTests
{
    [Theory]
    [InlineData("Cells with a gravimetric energy density of 300 Wh/kg or more need a licence.", "300 Wh/kg or more")]
    [InlineData("Synthetic graphite with purity above 99.9%, flexural strength above 30 MPa and density above 1.73 g/cm3.", "above 99.9%|above 30 MPa|above 1.73 g/cm3")]
    [InlineData("LFP with a compacted density of at least 2.5 g/cm3 and at least 156 mAh/g.", "at least 2.5 g/cm3|at least 156 mAh/g")]
    [InlineData("Chinese natural graphite goes from 0% to 25% in 2026.", "0%|25%")]
    [InlineData("The quota is 96,600 tonnes per year, worth $3.5 billion.", "96,600 tonnes|$3.5 billion")]
    [InlineData("Announcement No. 58 was issued on 9 October 2025 under item 3A001.", "")]
    public void Figures_AreFoundWithTheirQualifiers(string sentence, string expected) =>
        Assert.Equal(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), Figures.Find(sentence));

    [Fact]
    public void TextDates_FindsBothStylesWithThePreposition()
    {
        var found = TextDates.Find("Suspended from 7 November 2025 until 10 November 2026; see also March 12, 2026.").ToList();
        Assert.Equal([new DateOnly(2025, 11, 7), new DateOnly(2026, 11, 10), new DateOnly(2026, 3, 12)], found.Select(f => f.Date));
        Assert.Equal(["from", "until", ""], found.Select(f => f.Preposition));
        Assert.True(TextDates.Mentions("Released in June 2023.", new DateOnly(2023, 6, 1), monthPrecision: true));
        Assert.False(TextDates.Mentions("Released on 1 July 2023.", new DateOnly(2023, 6, 1), monthPrecision: false));
    }

    [Theory]
    [InlineData("2025-06-01", "2025-06-01")]
    [InlineData("2025-06", "2025-06-01")]
    [InlineData("90d", "2026-09-01")]
    [InlineData("2w", "2026-11-16")]
    [InlineData("6m", "2026-05-30")]
    [InlineData("1y", "2025-11-30")]
    public void SinceDate_DatesAndSpansBackFromToday(string text, string expected)
    {
        Assert.True(SinceDate.TryParse(text, new DateOnly(2026, 11, 30), out var since));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), since);
    }

    [Theory]
    [InlineData("")]
    [InlineData("last week")]
    [InlineData("2025-13-01")]
    public void SinceDate_RejectsOtherText(string text) =>
        Assert.False(SinceDate.TryParse(text, new DateOnly(2026, 11, 30), out _));
}
