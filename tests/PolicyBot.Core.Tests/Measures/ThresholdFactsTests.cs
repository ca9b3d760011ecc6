using PolicyBot.Core.Briefings.Composition;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Measures;

namespace PolicyBot.Core.Tests.Measures;

public sealed class ThresholdFactsTests
{
    [Fact]
    public void Extract_FindsSharesValuesAndTonnages_WithWhatTheyAreAShareOf()
    {
        var facts = ThresholdFacts.Extract([
            "Vehicles qualify when 60 percent of battery components are made in North America. The credit is $7,500.",
            "Goods containing more than 0.1% of Chinese-origin graphite need a licence; shipments of 40,000 tonnes or more are reported.",
            "Ten firms applied in 2025.",
        ]);

        Assert.Equal(["60 percent of battery components", "$7,500", "more than 0.1% of Chinese-origin graphite", "40,000 tonnes or more"], facts);
    }

    [Fact]
    public void Extract_SameFigureTwice_KeptOnce_AndCappedAtTheLimit()
    {
        Assert.Equal(["25%"], ThresholdFacts.Extract(["A 25% tariff.", "The 25% tariff applies."]));
        var many = ThresholdFacts.Extract([string.Join(" ", Enumerable.Range(1, 100).Select(i => $"Band {i} pays {i}%."))]);
        Assert.Equal(ThresholdFacts.MaxFacts, many.Count);
    }

    [Fact]
    public void Describe_ThresholdsRecordedOnBothSides_ShowsOnlyTheDifference()
    {
        var before = DocumentMetadata.Empty with { Thresholds = ["$7,500", "50 percent of battery components"] };
        var after = DocumentMetadata.Empty with { Thresholds = ["$7,500", "60 percent of battery components", "0.4% of the value"] };

        Assert.Equal(["thresholds: 50 percent of battery components → 60 percent of battery components, 0.4% of the value"], MetadataDiff.Describe(before, after));
        Assert.Equal(["threshold: 0.4% of the value → not set"], MetadataDiff.Describe(after, after with { Thresholds = ["$7,500", "60 percent of battery components"] }));
    }

    [Fact]
    public void Describe_OldVersionIndexedBeforeThresholdsWereRecorded_SaysNothingAboutThem()
    {
        var after = DocumentMetadata.Empty with { Status = "in force", Thresholds = ["60 percent"] };

        Assert.Equal(["status: not set → in force"], MetadataDiff.Describe(DocumentMetadata.Empty, after));
    }
}
