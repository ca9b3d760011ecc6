using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.Tests;

namespace PolicyBot.Discord.Tests.Support;

/// <summary>Reads the Discord fixtures in ../shared/fixtures/discord (use with <see cref="SharedFactAttribute"/>).</summary>
internal static class DiscordFixtures
{
    public static string Rest(string name) => File.ReadAllText(RepositoryPaths.SharedFile("fixtures", "discord", "rest", name));

    public static string Gateway(string name) => File.ReadAllText(RepositoryPaths.SharedFile("fixtures", "discord", "gateway", name));

    public static JsonNode RestNode(string name) => JsonNode.Parse(Rest(name))!;

    /// <summary>
    /// One of the rate_limit_*.json fixtures ({status, headers, body}) with every wait scaled so that the body's
    /// <c>retry_after</c> becomes <paramref name="retryAfterSeconds"/> (Retry-After, X-RateLimit-Reset-After scale alike).
    /// </summary>
    public static RecordedResponse RateLimit(string name, double? retryAfterSeconds = null)
    {
        var node = RestNode(name);
        var body = node["body"]?.AsObject();
        var original = body?["retry_after"]?.GetValue<double>();
        var factor = retryAfterSeconds is { } target && original is > 0 ? target / original.Value : 1.0;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in node["headers"]!.AsObject())
        {
            var text = value!.GetValue<string>();
            headers[key] = key is "Retry-After" or "X-RateLimit-Reset-After"
                ? (double.Parse(text, CultureInfo.InvariantCulture) * factor).ToString("0.###", CultureInfo.InvariantCulture)
                : text;
        }

        if (body is not null && original is not null) body["retry_after"] = original.Value * factor;
        return new RecordedResponse(node["status"]?.GetValue<int>() ?? 200, headers, body?.ToJsonString() ?? "");
    }
}

/// <summary>A canned HTTP response for a loopback server.</summary>
internal sealed record RecordedResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public RecordedResponse With(string header, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [header] = value } };

    public async Task WriteAsync(Microsoft.AspNetCore.Http.HttpContext context)
    {
        context.Response.StatusCode = Status;
        foreach (var (key, value) in Headers)
            if (!key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) context.Response.Headers[key] = value;
        if (Body.Length == 0) return;
        context.Response.ContentType = "application/json";
        await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, Body);
    }

    public static RecordedResponse Json(object value, int status = 200) =>
        new(status, new Dictionary<string, string>(), JsonSerializer.Serialize(value));
}
