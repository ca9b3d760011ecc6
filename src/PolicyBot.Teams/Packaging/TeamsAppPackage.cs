using System.IO.Compression;
using System.Text.Json.Nodes;

namespace PolicyBot.Teams.Packaging;

/// <summary>
/// Builds the Teams app package (manifest.json + color and outline icons, zipped at the root) from the template in
/// deploy/teams, with the bot's app id filled in, after checking the fields the manifest schema requires.
/// </summary>
public static class TeamsAppPackage
{
    public const string Placeholder = "{{APP_ID}}";

    public static IReadOnlyList<string> Write(string templateFolder, string appId, string outputFile)
    {
        if (!Guid.TryParse(appId, out _)) return [$"--app-id must be the bot's Microsoft App ID (a GUID), not '{appId}'."];
        var templatePath = Path.Combine(templateFolder, "manifest.json");
        if (!File.Exists(templatePath)) return [$"No manifest template at {templatePath}."];

        var manifest = JsonNode.Parse(File.ReadAllText(templatePath).Replace(Placeholder, appId, StringComparison.Ordinal))!.AsObject();
        var problems = Validate(manifest, templateFolder);
        if (problems.Count > 0) return problems;

        var directory = Path.GetDirectoryName(Path.GetFullPath(outputFile))!;
        Directory.CreateDirectory(directory);
        if (File.Exists(outputFile)) File.Delete(outputFile);
        using var zip = ZipFile.Open(outputFile, ZipArchiveMode.Create);
        var entry = zip.CreateEntry("manifest.json");
        using (var writer = new StreamWriter(entry.Open()))
            writer.Write(manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        foreach (var icon in new[] { Icon(manifest, "color"), Icon(manifest, "outline") })
            zip.CreateEntryFromFile(Path.Combine(templateFolder, icon), icon);
        return [];
    }

    /// <summary>The checks of the manifest schema's required fields and limits that a package upload would fail on.</summary>
    public static List<string> Validate(JsonObject manifest, string folder)
    {
        var problems = new List<string>();
        void Require(string path)
        {
            JsonNode? node = manifest;
            foreach (var part in path.Split('.')) node = node?[part];
            if (node is null || (node is JsonValue v && string.IsNullOrWhiteSpace(v.ToString()))) problems.Add($"manifest field '{path}' is required.");
        }
        foreach (var field in new[] { "manifestVersion", "version", "id", "developer.name", "developer.websiteUrl", "developer.privacyUrl",
                     "developer.termsOfUseUrl", "name.short", "description.short", "description.full", "icons.color", "icons.outline", "accentColor" })
            Require(field);
        if (manifest["name"]?["short"]?.ToString() is { Length: > 30 }) problems.Add("name.short must be at most 30 characters.");
        if (manifest["description"]?["short"]?.ToString() is { Length: > 80 }) problems.Add("description.short must be at most 80 characters.");
        if (manifest["description"]?["full"]?.ToString() is { Length: > 4000 }) problems.Add("description.full must be at most 4000 characters.");
        if (manifest["bots"]?[0]?["botId"]?.ToString() != manifest["id"]?.ToString()) problems.Add("bots[0].botId must be the app id.");
        if (manifest["id"]?.ToString() is { } id && !Guid.TryParse(id, out _)) problems.Add("id must be a GUID.");
        foreach (var (name, size) in new[] { ("color", 192), ("outline", 32) })
        {
            var file = Path.Combine(folder, Icon(manifest, name));
            if (!File.Exists(file)) problems.Add($"icon {file} is missing.");
            else if (PngSize(file) is not var (w, h) || w != size || h != size) problems.Add($"icon {name} must be a {size}x{size} PNG.");
        }
        return problems;
    }

    private static string Icon(JsonObject manifest, string name) => manifest["icons"]?[name]?.ToString() ?? $"{name}.png";

    private static (int Width, int Height)? PngSize(string file)
    {
        var header = new byte[24];
        using var stream = File.OpenRead(file);
        if (stream.Read(header) < 24 || header[0] != 0x89 || header[1] != (byte)'P') return null;
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}
