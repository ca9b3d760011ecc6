using PolicyBot.Core.Domain;
using PolicyBot.Qdrant.Payload;

namespace PolicyBot.Qdrant.Tests.Requests;

public sealed class FilterValuesTests
{
    [Theory]
    [InlineData("United States / Japan", "united states / japan|united states|japan")]
    [InlineData("European Union", "european union")]
    [InlineData("International (US-led)", "international (us-led)|international|us-led")]
    [InlineData("Canada, G7; Germany", "canada, g7; germany|canada|g7|germany")]
    [InlineData("  ", "")]
    public void Jurisdictions_WholeValueAndEachPart_LowerCased(string jurisdiction, string expected) =>
        Assert.Equal(expected, string.Join('|', FilterValues.Jurisdictions(jurisdiction)));

    [Fact]
    public void Date_PartialDates_AsYyyymmddOfTheParsedDate()
    {
        Assert.Equal(20240201, FilterValues.Date(PolicyDate.TryParse("2024-02")));
        Assert.Equal(20231020, FilterValues.Date(PolicyDate.TryParse("2023-10-20")));
        Assert.Null(FilterValues.Date(PolicyDate.TryParse("soon")));
    }
}
