using System.CommandLine;
using Microsoft.Extensions.Options;
using PolicyBot.Host.Server;

namespace PolicyBot.Host.Cli;

internal static class ServeCommand
{
    public static Command Create(CliContext cli)
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default: ASPNETCORE_URLS, else {PolicyBotServer.DefaultUrl})." };
        var command = new Command("serve", "Run the bot: Discord gateway (when Discord:Token is set), Discord interactions endpoint (when Discord:PublicKey is set), health check.") { urls };
        command.SetAction(async (parse, ct) =>
        {
            string[] args = parse.GetValue(urls) is { } u ? ["--urls", u] : [];
            try
            {
                await using var app = PolicyBotServer.Build(args, cli.Overrides);
                await app.RunAsync(ct);
                return CliRunner.Ok;
            }
            catch (OptionsValidationException ex)
            {
                await cli.Error.WriteLineAsync($"Configuration error: {string.Join(" ", ex.Failures)}");
                return CliRunner.ConfigurationError;
            }
        });
        return command;
    }
}
