using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyBot.Discord;
using PolicyBot.Discord.Commands;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Host.Cli;

internal static class DiscordCommand
{
    public static Command Create(CliContext cli)
    {
        var guild = new Option<string?>("--guild") { Description = "Register in one server only (appears at once); default: global commands." };
        var register = new Command("register-commands", "Register /ask, /latest, /sources and /help (bulk overwrite).") { guild };
        register.SetAction((parse, ct) => CliRunner.RunAsync(cli, async services =>
        {
            var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
            if (string.IsNullOrWhiteSpace(options.Token) || string.IsNullOrWhiteSpace(options.ApplicationId))
            {
                await cli.Error.WriteLineAsync("Error: set Discord:Token and Discord:ApplicationId (e.g. Discord__Token, Discord__ApplicationId) first.");
                return CliRunner.ConfigurationError;
            }
            try
            {
                var registered = await services.GetRequiredService<DiscordRestClient>()
                    .BulkOverwriteCommandsAsync(options.ApplicationId, parse.GetValue(guild), SlashCommands.Definitions, ct);
                await cli.Output.WriteLineAsync($"Registered {registered.Count} commands{(parse.GetValue(guild) is { } g ? $" in server {g}" : " globally")}: {string.Join(", ", registered.Select(c => "/" + c.Name))}");
                return CliRunner.Ok;
            }
            catch (DiscordApiException ex)
            {
                await cli.Error.WriteLineAsync($"Discord refused: {ex.Message}");
                return CliRunner.Failed;
            }
        }, ct, (services, configuration) => services.AddPolicyBotConversations(configuration).AddDiscordFrontEnd(configuration)));
        return new Command("discord", "Discord tools.") { register };
    }
}
