using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Discord.Rest;
using PolicyBot.Tests;

namespace PolicyBot.Discord.Tests.Rest;

/// <summary>Builds a <see cref="DiscordRestClient"/> aimed at a loopback server, and canned Discord bodies.</summary>
internal static class RestTestClient
{
    /// <summary>Looks like a bot token; no test may ever see it in an exception message.</summary>
    public const string Token = "MTA5ODc2NTQzMjEw.GsECRET.t0ken-value_do-not-log";

    public static DiscordRestClient Create(LoopbackServer server, TimeProvider? timeProvider = null, DiscordRateLimiter? limiter = null, string? token = Token)
    {
        var options = Options.Create(new DiscordOptions { Token = token, ApplicationId = "app1", ApiBaseUrl = new Uri(server.Address, "api/v10").ToString() });
        return new DiscordRestClient(new HttpClient(), options, timeProvider ?? TimeProvider.System, NullLogger<DiscordRestClient>.Instance, limiter);
    }

    public static DiscordRateLimiter Limiter(TimeProvider timeProvider, int requestsPerSecond = 50, int maxRetries = 5) =>
        new(timeProvider, NullLogger.Instance, requestsPerSecond, maxRetries);

    /// <summary>A message object as Create Message returns it, echoing the nonce the request carried.</summary>
    public static string MessageJson(string channelId, string requestBody)
    {
        var nonce = JsonDocument.Parse(requestBody).RootElement.TryGetProperty("nonce", out var n) ? n.GetString() : null;
        return JsonSerializer.Serialize(new { id = "9" + Random.Shared.Next(100000), channel_id = channelId, content = "ok", nonce, type = 0 });
    }

    public static string? Nonce(RecordedRequest request) =>
        JsonDocument.Parse(request.Body).RootElement.TryGetProperty("nonce", out var n) ? n.GetString() : null;

    public static DiscordResponse Ok(RateLimitHeaders? headers = null) => new(HttpStatusCode.OK, headers ?? RateLimitHeaders.None, "{}");

    public static DiscordResponse TooMany(double retryAfter, bool global = false, string scope = "user") =>
        new(HttpStatusCode.TooManyRequests, RateLimitHeaders.None with { Scope = scope, Global = global },
            JsonSerializer.Serialize(new { message = "You are being rate limited.", retry_after = retryAfter, global }));

    /// <summary>Advances a fake clock in small steps until <paramref name="task"/> finishes (bounded, so a hang fails the test).</summary>
    public static async Task DriveAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider time, Task task, TimeSpan step, int maxSteps = 2000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.WhenAny(task, Task.Delay(2));
        }

        await task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
