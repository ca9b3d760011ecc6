using System.Net;
using System.Text;
using System.Text.Json;

namespace PolicyBot.Discord.Rest;

/// <summary>
/// Discord answered a REST call with an error, parsed from <c>{"code", "message", "errors"}</c>.
/// The message names the route template only ("POST /channels/{channel_id}/messages"), never ids, tokens or content.
/// </summary>
public sealed class DiscordApiException : Exception
{
    private const int FieldErrorsInMessage = 5;

    public DiscordApiException(string message, HttpStatusCode statusCode, string route, int? errorCode = null,
        string? errorMessage = null, IReadOnlyList<DiscordFieldError>? fieldErrors = null)
        : base(message)
    {
        StatusCode = statusCode;
        Route = route;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        FieldErrors = fieldErrors ?? [];
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Method and path template, e.g. <c>POST /channels/{channel_id}/messages</c>.</summary>
    public string Route { get; }

    /// <summary>Discord's JSON error code (e.g. 50035 Invalid Form Body, 50013 Missing Permissions); null when the body was not Discord JSON.</summary>
    public int? ErrorCode { get; }

    public string? ErrorMessage { get; }

    /// <summary>The flattened <c>errors</c> tree: one entry per <c>_errors</c> item, with its dotted path (<c>embeds.0.title</c>).</summary>
    public IReadOnlyList<DiscordFieldError> FieldErrors { get; }

    /// <summary>Builds the exception for an error response; tolerant of bodies that are not JSON (Cloudflare pages, empty bodies).</summary>
    public static DiscordApiException FromResponse(HttpStatusCode statusCode, string route, string? body, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        int? code = null;
        string? errorMessage = null;
        var fieldErrors = new List<DiscordFieldError>();
        try
        {
            using var document = JsonDocument.Parse(body ?? "");
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("code", out var c) && c.TryGetInt32(out var parsed)) code = parsed;
                if (root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String) errorMessage = m.GetString();
                if (root.TryGetProperty("errors", out var errors)) Flatten(errors, "", fieldErrors);
            }
        }
        catch (JsonException)
        {
            // Not Discord JSON: status code and route are all we can report.
        }

        var text = new StringBuilder(prefix ?? $"Discord API {route} failed")
            .Append(": ").Append((int)statusCode).Append(' ').Append(statusCode);
        if (code is not null) text.Append(", code ").Append(code);
        if (errorMessage is not null) text.Append(' ').Append(errorMessage);
        foreach (var error in fieldErrors.Take(FieldErrorsInMessage))
            text.Append(Environment.NewLine).Append("  ").Append(error.Path).Append(": ").Append(error.Code).Append(' ').Append(error.Message);
        if (fieldErrors.Count > FieldErrorsInMessage) text.Append(Environment.NewLine).Append("  (").Append(fieldErrors.Count - FieldErrorsInMessage).Append(" more)");
        return new DiscordApiException(text.ToString(), statusCode, route, code, errorMessage, fieldErrors);
    }

    private static void Flatten(JsonElement element, string path, List<DiscordFieldError> into)
    {
        if (element.ValueKind != JsonValueKind.Object) return;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "_errors" && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                    into.Add(new DiscordFieldError(path, Text(item, "code"), Text(item, "message")));
            }
            else
            {
                Flatten(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, into);
            }
        }
    }

    private static string Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? ""
            : "";
}

/// <summary>One validation error from Discord's nested <c>errors</c> object.</summary>
public sealed record DiscordFieldError(string Path, string Code, string Message);
