using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Rest;
using PolicyBot.Tests;

namespace PolicyBot.Discord.Tests.Rest;

/// <summary>Discord's error and rate-limit responses on a real loopback server show up in the PolicyBot metrics and traces.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class DiscordRestTelemetryTests
{
    [Fact]
    public async Task A429ThenA500_CountsBothApiErrorsAndTheRateLimitWait()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.ContentType = "application/json";
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers["X-RateLimit-Scope"] = "user";
                return context.Response.WriteAsync(JsonSerializer.Serialize(new { message = "You are being rate limited.", retry_after = 0.05, global = false }));
            }
            context.Response.StatusCode = 500;
            return context.Response.WriteAsync("""{"message": "500: Internal Server Error", "code": 0}""");
        });
        using var telemetry = new TelemetryRecorder();
        var client = RestTestClient.Create(server);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            client.CreateMessageAsync("111", new MessagePayload { Content = "hello" }, CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(2, server.Requests.Count);
        var errors = telemetry.Of("policybot.platform.api_errors");
        Assert.Equal(["429", "500"], errors.Select(e => e.Tag("http.response.status_code")).Order());
        Assert.All(errors, e => Assert.Equal("discord", e.Tag("policybot.platform")));
        var wait = Assert.Single(telemetry.Of("policybot.platform.rate_limit_wait"));
        Assert.Equal(("discord", "bucket"), (wait.Tag("policybot.platform"), wait.Tag("policybot.reason")));
        Assert.True(wait.Value > 0, $"waited {wait.Value} ms");
        var span = Assert.Single(telemetry.Activities, a => a.OperationName == "discord.send");
        Assert.Equal("500", span.GetTagItem("http.response.status_code")?.ToString());
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains("hello") == true);
    }

    [Fact]
    public async Task Unreachable_CountsAnApiErrorWithStatusZero()
    {
        var server = await LoopbackServer.StartAsync((_, _) => Task.CompletedTask);
        var client = RestTestClient.Create(server);
        await server.DisposeAsync();   // nothing listens there any more
        using var telemetry = new TelemetryRecorder();

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.CreateMessageAsync("111", new MessagePayload { Content = "hello" }, CancellationToken.None));

        var error = Assert.Single(telemetry.Of("policybot.platform.api_errors"));
        Assert.Equal(("discord", "0"), (error.Tag("policybot.platform"), error.Tag("http.response.status_code")));
    }
}
