using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Rest;
using PolicyBot.Discord.Tests.Support;
using PolicyBot.Tests;

namespace PolicyBot.Discord.Tests.Rest;

/// <summary>429 handling against a real Kestrel server with the docs' 429 responses, waits scaled down to fractions of a second.</summary>
public sealed class RateLimitRetryTests
{
    /// <summary>Timers may fire a hair early; waits are asserted with this much slack.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(15);

    [SharedFact]
    public Task CreateMessageAsync_User429ThenOk_WaitsRetryAfterAndSucceedsWithTwoRequests() =>
        AssertRetriedOnceAfterWaitAsync("rate_limit_429_user.json");

    [SharedFact]
    public Task CreateMessageAsync_Shared429ThenOk_WaitsRetryAfterAndSucceedsWithTwoRequests() =>
        AssertRetriedOnceAfterWaitAsync("rate_limit_429_shared.json");

    private static async Task AssertRetriedOnceAfterWaitAsync(string fixture)
    {
        var tooMany = DiscordFixtures.RateLimit(fixture, retryAfterSeconds: 0.15);
        var arrivals = new ConcurrentQueue<TimeSpan>();
        var clock = Stopwatch.StartNew();
        await using var server = await LoopbackServer.StartAsync(async (context, body) =>
        {
            arrivals.Enqueue(clock.Elapsed);
            if (arrivals.Count == 1) await tooMany.WriteAsync(context);
            else await context.Response.WriteAsync(RestTestClient.MessageJson("111", body));
        });
        var client = RestTestClient.Create(server);

        var message = await client.CreateMessageAsync("111", new MessagePayload { Content = "hi", Nonce = "a" }, CancellationToken.None);

        Assert.Equal("111", message.ChannelId);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].Body, server.Requests[1].Body);
        var times = arrivals.ToArray();
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(0.15) - Slack, $"retried after {(times[1] - times[0]).TotalMilliseconds} ms");
        Assert.Equal(TimeSpan.Zero, client.RateLimiter.GlobalPauseRemaining);
    }

    [SharedFact]
    public async Task Global429_PausesOtherBotRoutes_ButNotInteractionCallbacks()
    {
        var pause = TimeSpan.FromSeconds(1);
        var tooMany = DiscordFixtures.RateLimit("rate_limit_429_global.json", retryAfterSeconds: pause.TotalSeconds);
        var arrivals = new ConcurrentDictionary<string, TimeSpan>();
        var clock = Stopwatch.StartNew();
        await using var server = await LoopbackServer.StartAsync(async (context, body) =>
        {
            var path = context.Request.Path.Value!;
            var first = arrivals.TryAdd(path, clock.Elapsed);
            if (path.EndsWith("/callback", StringComparison.Ordinal)) context.Response.StatusCode = 204;
            else if (first && path.Contains("/channels/1/", StringComparison.Ordinal)) await tooMany.WriteAsync(context);
            else await context.Response.WriteAsync(RestTestClient.MessageJson("1", body));
        });
        var client = RestTestClient.Create(server);

        var limited = client.CreateMessageAsync("1", new MessagePayload { Content = "a" }, CancellationToken.None);
        while (client.RateLimiter.GlobalPauseRemaining == TimeSpan.Zero && !limited.IsCompleted) await Task.Delay(5);
        var other = client.CreateMessageAsync("2", new MessagePayload { Content = "b" }, CancellationToken.None);
        await client.CreateInteractionResponseAsync("9", "tok", new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), CancellationToken.None);
        await Task.WhenAll(limited, other);

        var limitedAt = arrivals["/api/v10/channels/1/messages"];
        Assert.True(arrivals["/api/v10/channels/2/messages"] >= limitedAt + pause - Slack, "the other bot route did not wait for the global pause");
        Assert.True(arrivals["/api/v10/interactions/9/tok/callback"] < limitedAt + pause, "the interaction callback waited for the global pause");
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Unauthorized_ThrowsWithoutRetry_AndLaterBotRequestsAreNotSent()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("""{"message":"401: Unauthorized","code":0}""");
        });
        var client = RestTestClient.Create(server);

        var first = await Assert.ThrowsAsync<DiscordApiException>(() => client.CreateMessageAsync("1", new MessagePayload { Content = "a" }, CancellationToken.None));
        var second = await Assert.ThrowsAsync<DiscordApiException>(() => client.GetGatewayBotUrlAsync(CancellationToken.None));

        Assert.Equal((HttpStatusCode.Unauthorized, "401: Unauthorized"), (first.StatusCode, first.ErrorMessage));
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Single(server.Requests);
        Assert.DoesNotContain(RestTestClient.Token, first.ToString());
        Assert.DoesNotContain(RestTestClient.Token, second.ToString());
        Assert.DoesNotContain("GsECRET", first.Message + second.Message);
    }

    [Fact]
    public async Task ConcurrentCreateMessage_WithIntermittent429s_EveryRequestSucceedsExactlyOnce()
    {
        var limitedOnce = new ConcurrentDictionary<string, bool>();
        await using var server = await LoopbackServer.StartAsync(async (context, body) =>
        {
            var nonce = RestTestClient.Nonce(new RecordedRequest("", "", new Dictionary<string, string>(), body))!;
            var channel = context.Request.Path.Value!.Split('/')[4];
            context.Response.Headers["X-RateLimit-Bucket"] = "msgbucket";
            if (int.Parse(nonce[1..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0 && limitedOnce.TryAdd(nonce, true))
            {
                context.Response.StatusCode = 429;
                context.Response.Headers["X-RateLimit-Scope"] = "user";
                await context.Response.WriteAsync("""{"message":"You are being rate limited.","retry_after":0.03,"global":false}""");
                return;
            }

            context.Response.Headers["X-RateLimit-Remaining"] = "3";
            context.Response.Headers["X-RateLimit-Reset-After"] = "0.01";
            await context.Response.WriteAsync(RestTestClient.MessageJson(channel, body));
        });
        var client = RestTestClient.Create(server);
        var nonces = Enumerable.Range(0, 20).Select(i => $"n{i}").ToArray();

        var messages = await Task.WhenAll(nonces.Select((nonce, i) =>
            client.CreateMessageAsync(i % 2 == 0 ? "10" : "20", new MessagePayload { Content = "q", Nonce = nonce, EnforceNonce = true }, CancellationToken.None)));

        Assert.Equal(20, messages.Length);
        Assert.Equal(7, limitedOnce.Count);
        Assert.Equal(27, server.Requests.Count);
        Assert.Equal(nonces.Order(), server.Requests.Select(RestTestClient.Nonce).Distinct().Order());
        Assert.Equal(0, client.RateLimiter.BucketCount);
    }
}
