using Microsoft.AspNetCore.Http;
using System.Text.Json.Nodes;
using PolicyBot.Host.Cli;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Server;

public sealed class DiscordCommandRegistrationTests
{
    [Fact]
    public async Task RegisterCommands_BulkOverwritesTheGuildCommands()
    {
        await using var rest = await LoopbackServer.StartAsync(async (context, body) =>
        {
            context.Response.ContentType = "application/json";
            var commands = JsonNode.Parse(body)!.AsArray();
            foreach (var command in commands) command!["id"] = "1";
            await context.Response.WriteAsync(commands.ToJsonString());
        });
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = "tkn", ["Discord:ApplicationId"] = "1200000000000000002", ["Discord:ApiBaseUrl"] = new Uri(rest.Address, "/api/v10").ToString(),
        };

        var exit = await PolicyBotCli.RunAsync(["discord", "register-commands", "--guild", "4000000000000000004"], output, error, settings);

        Assert.True(exit == 0, error.ToString());
        var request = Assert.Single(rest.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/api/v10/applications/1200000000000000002/guilds/4000000000000000004/commands", request.PathAndQuery);
        Assert.Equal("Bot tkn", request.Headers["Authorization"]);
        var names = JsonNode.Parse(request.Body)!.AsArray().Select(c => c!["name"]!.GetValue<string>());
        Assert.Equal(["ask", "latest", "sources", "timeline", "compare", "upcoming", "brief", "help"], names);
        Assert.Contains("Registered 8 commands in server 4000000000000000004", output.ToString());
    }

    [Fact]
    public async Task RegisterCommands_WithoutToken_SaysWhichSettingsAreMissing()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PolicyBotCli.RunAsync(["discord", "register-commands"], output, error, new Dictionary<string, string?>());
        Assert.Equal(2, exit);
        Assert.Contains("Discord:Token", error.ToString());
    }
}
