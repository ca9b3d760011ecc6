using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.Discord.Models;
using PolicyBot.Tests;

namespace PolicyBot.Discord.Tests.Gateway;

/// <summary>The documented gateway frames in ../shared/fixtures/discord/gateway.</summary>
internal static class GatewayFixtures
{
    public static string Path(string name) => RepositoryPaths.SharedFile("fixtures", "discord", "gateway", name);

    public static string Text(string name) => File.ReadAllText(Path(name));

    public static GatewayPayload Payload(string name) => DiscordJson.Deserialize<GatewayPayload>(Text(name));

    public static JsonNode Node(string name) => JsonNode.Parse(Text(name))!;

    /// <summary>Every fixture that is a gateway frame (get_gateway_bot_response.json is a REST body).</summary>
    public static IEnumerable<string> FrameNames() =>
        Directory.EnumerateFiles(System.IO.Path.GetDirectoryName(Path("op10_hello.json"))!, "*.json")
            .Select(f => System.IO.Path.GetFileName(f)!)
            .Where(n => n != "get_gateway_bot_response.json")
            .Order(StringComparer.Ordinal);

    public static T Data<T>(GatewayPayload payload) => DiscordJson.Deserialize<T>(payload.D ?? throw new JsonException("no d"));
}
