using PolicyBot.Core.Conversations;

namespace PolicyBot.Core.Tests.Conversations;

public sealed class ChatCommandParserTests
{
    [Theory]
    [InlineData("ask When does No. 58 apply?", "When does No. 58 apply?")]
    [InlineData("/ask what is the CRMA", "what is the CRMA")]
    [InlineData("When does No. 58 apply?", "When does No. 58 apply?")]
    [InlineData("latest news on China's graphite rules and what they mean for anode makers in Korea and Japan this year?", "latest news on China's graphite rules and what they mean for anode makers in Korea and Japan this year?")]
    public void Parse_Questions(string text, string question) =>
        Assert.Equal(new ChatCommand.Ask(question), ChatCommandParser.Parse(text));

    [Theory]
    [InlineData("latest", null)]
    [InlineData("latest China graphite", "China graphite")]
    [InlineData("!latest European Union", "European Union")]
    public void Parse_Latest(string text, string? filters) =>
        Assert.Equal(new ChatCommand.Latest(Filters: filters), ChatCommandParser.Parse(text));

    [Fact]
    public void Parse_SourcesHelpAndUnknown()
    {
        Assert.Equal(new ChatCommand.Sources(null), ChatCommandParser.Parse("sources"));
        Assert.Equal(new ChatCommand.Sources("graphite anode"), ChatCommandParser.Parse("/sources graphite anode"));
        Assert.IsType<ChatCommand.Help>(ChatCommandParser.Parse("help"));
        Assert.IsType<ChatCommand.Help>(ChatCommandParser.Parse("   "));
        Assert.Equal(new ChatCommand.Unknown("frobnicate"), ChatCommandParser.Parse("/frobnicate now"));
    }
}
