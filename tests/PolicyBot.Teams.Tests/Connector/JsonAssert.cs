using System.Text.Json.Nodes;

namespace PolicyBot.Teams.Tests.Connector;

internal static class JsonAssert
{
    /// <summary>Same JSON value (property order and string escaping ignored), after removing <paramref name="ignoredKeys"/> from the actual root.</summary>
    public static void Equivalent(JsonNode? expected, string actualJson, params string[] ignoredKeys)
    {
        var actual = JsonNode.Parse(actualJson);
        if (actual is JsonObject root) foreach (var key in ignoredKeys) root.Remove(key);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected:\n{expected?.ToJsonString()}\nactual:\n{actual?.ToJsonString()}");
    }
}
