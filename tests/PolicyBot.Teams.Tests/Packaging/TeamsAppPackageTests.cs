using System.IO.Compression;
using System.Text.Json;
using PolicyBot.Teams.Packaging;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Packaging;

public sealed class TeamsAppPackageTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private static string Template => Path.Combine(RepositoryPaths.Root, "deploy", "teams");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Write_ValidAppId_ZipsManifestAndIconsWithTheIdFilledIn()
    {
        var appId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
        var output = _temp.File("policybot.zip");

        Assert.Empty(TeamsAppPackage.Write(Template, appId, output));

        using var zip = ZipFile.OpenRead(output);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var root = manifest.RootElement;
        Assert.Equal(appId, root.GetProperty("id").GetString());
        Assert.Equal(appId, root.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal(["personal", "team", "groupChat"], root.GetProperty("bots")[0].GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var commands = root.GetProperty("bots")[0].GetProperty("commandLists")[0].GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString());
        Assert.Equal(["ask", "latest", "sources", "timeline", "compare", "upcoming", "brief", "help"], commands);
        Assert.DoesNotContain("{{", File.ReadAllText(Path.Combine(Template, "manifest.json")).Replace(TeamsAppPackage.Placeholder, ""));
    }

    [Fact]
    public void Write_NotAGuid_ExplainsAndWritesNothing()
    {
        var output = _temp.File("x.zip");
        var problems = TeamsAppPackage.Write(Template, "my-bot", output);
        Assert.Contains("GUID", Assert.Single(problems));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Validate_MissingRequiredFieldAndWrongIcon_AreReported()
    {
        var folder = _temp.File("tpl");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(Template, "color.png"), Path.Combine(folder, "color.png"));
        File.Copy(Path.Combine(Template, "color.png"), Path.Combine(folder, "outline.png"));   // 192x192, not 32x32
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Template, "manifest.json")))!.AsObject();
        manifest.Remove("accentColor");

        var problems = TeamsAppPackage.Validate(manifest, folder);

        Assert.Contains(problems, p => p.Contains("accentColor"));
        Assert.Contains(problems, p => p.Contains("outline must be a 32x32 PNG"));
    }
}
