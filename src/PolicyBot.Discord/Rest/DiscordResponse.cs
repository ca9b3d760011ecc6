using System.Globalization;
using System.Net;
using System.Text.Json;

namespace PolicyBot.Discord.Rest;

/// <summary>What the rate limiter needs from one HTTP exchange: status, rate-limit headers and the body text.</summary>
internal sealed record DiscordResponse(HttpStatusCode StatusCode, RateLimitHeaders RateLimit, string Body)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    public static async Task<DiscordResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        new(response.StatusCode, RateLimitHeaders.From(response), await response.Content.ReadAsStringAsync(cancellationToken));

    /// <summary>
    /// How long a 429 asks us to wait: <c>retry_after</c> from the body (float seconds), else the <c>Retry-After</c> header,
    /// else <c>X-RateLimit-Reset-After</c>, else one second. Global when the header, the body or the scope says so.
    /// </summary>
    public (TimeSpan RetryAfter, bool Global, string Scope) ReadRateLimit()
    {
        double? bodyRetryAfter = null;
        var bodyGlobal = false;
        try
        {
            using var document = JsonDocument.Parse(Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (document.RootElement.TryGetProperty("retry_after", out var retry) && retry.TryGetDouble(out var seconds)) bodyRetryAfter = seconds;
                bodyGlobal = document.RootElement.TryGetProperty("global", out var global) && global.ValueKind == JsonValueKind.True;
            }
        }
        catch (JsonException)
        {
            // Cloudflare answers 429 with HTML; the headers still say how long to wait.
        }

        var isGlobal = bodyGlobal || RateLimit.Global || RateLimit.Scope == "global";
        var waitSeconds = bodyRetryAfter ?? RateLimit.RetryAfter ?? RateLimit.ResetAfter ?? 1.0;
        var scope = RateLimit.Scope ?? (isGlobal ? "global" : "user");
        return (TimeSpan.FromSeconds(Math.Clamp(waitSeconds, 0, TimeSpan.FromDays(1).TotalSeconds)), isGlobal, scope);
    }
}

/// <summary>The <c>X-RateLimit-*</c> and <c>Retry-After</c> headers of one response; absent ones are null.</summary>
internal sealed record RateLimitHeaders(string? Bucket, int? Remaining, double? ResetAfter, double? RetryAfter, bool Global, string? Scope)
{
    public static RateLimitHeaders None { get; } = new(null, null, null, null, false, null);

    public static RateLimitHeaders From(HttpResponseMessage response) => From(name =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null);

    public static RateLimitHeaders From(Func<string, string?> header) => new(
        header("X-RateLimit-Bucket"),
        int.TryParse(header("X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining) ? remaining : null,
        Seconds(header("X-RateLimit-Reset-After")),
        Seconds(header("Retry-After")),
        string.Equals(header("X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
        header("X-RateLimit-Scope")?.ToLowerInvariant());

    private static double? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 ? seconds : null;
}
