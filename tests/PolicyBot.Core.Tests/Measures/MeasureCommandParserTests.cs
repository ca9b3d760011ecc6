using PolicyBot.Core.Conversations;

namespace PolicyBot.Core.Tests.Measures;

public sealed class MeasureCommandParserTests
{
    [Theory]
    [InlineData("latest China graphite", null, null, "China graphite", null, null)]
    [InlineData("/latest --jurisdiction European Union --material graphite", "European Union", "graphite", null, null, null)]
    [InlineData("latest --jurisdiction \"United States\" --since 2025-06 --limit 3", "United States", null, null, "2025-06", 3)]
    [InlineData("latest lithium --since=90d", null, null, "lithium", "90d", null)]
    [InlineData("!latest —material cobalt", null, "cobalt", null, null, null)]
    public void Parse_Latest(string text, string? jurisdiction, string? material, string? filters, string? since, int? limit) =>
        Assert.Equal(new ChatCommand.Latest(jurisdiction, material, filters, since, limit), ChatCommandParser.Parse(text));

    [Theory]
    [InlineData("latest --since yesterday", "--since takes")]
    [InlineData("latest --limit 0", "--limit takes a number from 1 to 100")]
    [InlineData("/latest --colour red", "unknown option --colour")]
    [InlineData("/upcoming --days soon", "--days takes a number")]
    [InlineData("/compare China", "at least two")]
    [InlineData("/timeline", "name a material or a jurisdiction")]
    public void Parse_BadArguments_AreInvalidWithTheUsage(string text, string problem)
    {
        var invalid = Assert.IsType<ChatCommand.Invalid>(ChatCommandParser.Parse(text));
        Assert.Contains(problem, invalid.Problem);
        Assert.Contains("Usage:", invalid.Problem);
    }

    [Theory]
    [InlineData("timeline graphite", "graphite")]
    [InlineData("/timeline European Union", "European Union")]
    [InlineData("history of graphite?", "graphite")]
    public void Parse_Timeline(string text, string subject) =>
        Assert.Equal(new ChatCommand.Timeline(subject), ChatCommandParser.Parse(text));

    [Fact]
    public void Parse_Compare_QuotedNamesFillersAndMaterial()
    {
        Assert.Equal(new ChatCommand.Compare(["China", "United States"], "graphite"), ChatCommandParser.Parse("compare China \"United States\" --material graphite"));
        Assert.Equal(new ChatCommand.Compare(["EU", "China", "United States"]), ChatCommandParser.Parse("/compare EU, China and “United States”"));
        Assert.Equal(new ChatCommand.Compare(["China", "United", "States"]), ChatCommandParser.Parse("compare China vs United States"));
    }

    [Theory]
    [InlineData("upcoming", 30)]
    [InlineData("upcoming --days 60", 60)]
    [InlineData("/upcoming 7", 7)]
    [InlineData("deadlines --days=365", 365)]
    public void Parse_Upcoming(string text, int days) =>
        Assert.Equal(new ChatCommand.Upcoming(days), ChatCommandParser.Parse(text));

    [Fact]
    public void Parse_UpcomingFrom() =>
        Assert.Equal(new ChatCommand.Upcoming(60, new DateOnly(2027, 1, 1)), ChatCommandParser.Parse("/upcoming --from 2027-01-01 --days 60"));

    [Theory]
    [InlineData("upcoming changes to the EU battery rules?")]
    [InlineData("compare the way China and the United States regulate graphite exports and anode material supply chains")]
    public void Parse_QuestionsThatStartWithACommandWord_StayQuestions(string text) =>
        Assert.Equal(new ChatCommand.Ask(text), ChatCommandParser.Parse(text));
}
