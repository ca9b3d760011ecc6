using System.CommandLine;
using PolicyBot.Teams.Packaging;

namespace PolicyBot.Host.Cli;

internal static class TeamsCommand
{
    public static Command Create(CliContext cli)
    {
        var appId = new Option<string>("--app-id") { Description = "The bot's Microsoft App ID (GUID).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the package (.zip).", DefaultValueFactory = _ => "policybot-teams.zip" };
        var template = new Option<string?>("--template") { Description = "Folder with manifest.json and the icons (default: deploy/teams)." };
        var package = new Command("package", "Write the Teams app package (manifest + icons) for uploading to Teams.") { appId, output, template };
        package.SetAction(async (parse, ct) =>
        {
            var folder = parse.GetValue(template) ?? FindTemplate();
            if (folder is null)
            {
                await cli.Error.WriteLineAsync("Error: deploy/teams not found; pass --template FOLDER.");
                return CliRunner.Failed;
            }
            var outFile = Path.GetFullPath(parse.GetValue(output)!);
            var problems = TeamsAppPackage.Write(folder, parse.GetValue(appId)!, outFile);
            foreach (var problem in problems) await cli.Error.WriteLineAsync($"Error: {problem}");
            if (problems.Count > 0) return CliRunner.Failed;
            await cli.Output.WriteLineAsync($"Wrote {outFile}. Upload it in Teams (Apps > Manage your apps > Upload an app).");
            return CliRunner.Ok;
        });
        return new Command("teams", "Microsoft Teams tools.") { package };
    }

    private static string? FindTemplate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "deploy", "teams", "manifest.json"))) return Path.Combine(dir.FullName, "deploy", "teams");
        return null;
    }
}
