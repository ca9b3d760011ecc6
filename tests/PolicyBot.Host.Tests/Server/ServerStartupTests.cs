using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PolicyBot.Host.Cli;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Server;

public sealed class ServerStartupTests
{
    [Fact]
    public async Task Serve_WithoutPlatforms_AnswersHealthAndHasNoBotEndpoints()
    {
        await using var server = await BotServer.StartAsync(new Dictionary<string, string?>());
        using var http = new HttpClient();

        Assert.Equal("ok", await http.GetStringAsync(new Uri(server.Address, "/healthz")));
        Assert.Equal("Healthy", await http.GetStringAsync(new Uri(server.Address, "/readyz")));
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(new Uri(server.Address, "/api/messages"), new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(new Uri(server.Address, "/discord/interactions"), new StringContent("{}"))).StatusCode);
    }

    [Theory]
    [InlineData("Discord:PublicKey", "not-hex", "Discord:PublicKey")]
    [InlineData("Discord:ShardId", "3", "Discord:ShardId")]
    [InlineData("Teams:AppId", "00000000-0000-0000-0000-000000000001", "Teams:AppPassword")]
    public async Task Serve_InvalidSetting_FailsAtStartupNamingTheKey(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { [key] = value, ["Discord:ApplicationId"] = "1" };
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotServer.StartAsync(settings));
        Assert.Contains(named, error is OptionsValidationException v ? string.Join(" ", v.Failures) : error.Message);
    }

    [Fact]
    public async Task TeamsPackage_ThroughTheCli_WritesAZip()
    {
        using var temp = new TempDirectory();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var zip = temp.File("app.zip");

        var exit = await PolicyBotCli.RunAsync(["teams", "package", "--app-id", "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8", "--out", zip], output, error);

        Assert.True(exit == 0, error.ToString());
        Assert.True(File.Exists(zip));
        Assert.Contains("Wrote", output.ToString());
    }
}
