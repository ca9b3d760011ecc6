using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Tests;

public sealed class PolicyDateTests
{
    [Theory]
    [InlineData("2025-11-08", "8 November 2025")]
    [InlineData("2025-10", "October 2025")]
    [InlineData("2024", "2024")]
    [InlineData("early 2026", "early 2026")]
    public void Format_WritesDayMonthYear(string value, string expected) => Assert.Equal(expected, PolicyDate.Format(value));

    [Fact]
    public void TryParse_MonthOnly_IsFirstOfMonth() => Assert.Equal(new DateOnly(2025, 10, 1), PolicyDate.TryParse("2025-10"));

    [Fact]
    public void TryParse_Garbage_IsNull()
    {
        Assert.Null(PolicyDate.TryParse("soon"));
        Assert.Null(PolicyDate.TryParse(null));
        Assert.Null(PolicyDate.Format(" "));
    }
}
