using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace PolicyBot.Qdrant.Tests.Support;

/// <summary>Compares a gRPC message, in protobuf's canonical JSON mapping, with an expected JSON shape.</summary>
internal static class JsonAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Matches(string expectedJson, IMessage actual)
    {
        var expected = JsonNode.Parse(expectedJson);
        var actualNode = JsonNode.Parse(JsonFormatter.Default.Format(actual));
        if (!JsonNode.DeepEquals(expected, actualNode))
        {
            Assert.Fail($"Request differs from the documented shape.\nExpected:\n{expected?.ToJsonString(Indented)}\nActual:\n{actualNode?.ToJsonString(Indented)}");
        }
    }
}
