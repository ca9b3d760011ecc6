using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.Teams.Models;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Models;

/// <summary>Reads ../shared/fixtures/botframework (use from [SharedFact] tests only).</summary>
internal static class BotFixtures
{
    public static string ActivitiesFolder => RepositoryPaths.SharedFile("fixtures", "botframework", "activities");

    public static string Text(params string[] parts) => File.ReadAllText(RepositoryPaths.SharedFile(["fixtures", "botframework", .. parts]));

    public static JsonNode Json(params string[] parts) => JsonNode.Parse(Text(parts))!;

    public static Activity Activity(string name) =>
        JsonSerializer.Deserialize<Activity>(Text("activities", name), BotJson.Options)!;

    public static JsonNode ReferenceRequest(int index) => Json("connector", "reference_connectorclient_requests.generated.json")["requests"]![index]!;
}
