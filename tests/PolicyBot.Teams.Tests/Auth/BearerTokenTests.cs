using PolicyBot.Teams.Auth;

namespace PolicyBot.Teams.Tests.Auth;

public sealed class BearerTokenTests
{
    [Theory]
    [InlineData("Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("BEARER abc", "abc")]
    [InlineData("Bearer", null)]
    [InlineData("Bearer ", null)]
    [InlineData("Bearer  abc", null)]
    [InlineData("Bearer abc def", null)]
    [InlineData(" Bearer abc", null)]
    [InlineData("Basic dXNlcjpwYXNz", null)]
    [InlineData("Bearerabc", null)]
    [InlineData("Bearer\tabc", null)]
    public void Read_Header_ReturnsTokenOnlyForBearerSchemeAndOneToken(string header, string? expected)
    {
        Assert.Equal(expected, BearerToken.Read(header));
    }
}
