using System.Text.Json;

namespace PolicyBot.Teams.Tests.Connector;

/// <summary>What the loopback Connector answers to one request.</summary>
internal sealed record ScriptedResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, Task? HoldUntil = null)
{
    public static ScriptedResponse Ok(string id) => new(200, $$"""{"id":"{{id}}"}""");

    public static ScriptedResponse Error(int status, string code, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, JsonSerializer.Serialize(new { error = new { code, message } }), headers);
}

/// <summary>A request as it arrived on the wire: RawTarget is the undecoded path and query.</summary>
internal sealed record CapturedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, string Body);
