using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Tests.Support;
using PolicyBot.Tests;

namespace PolicyBot.Discord.Tests.Rest;

/// <summary>X-RateLimit-* headers on successful responses, with a fake clock driving the waits and a real server answering.</summary>
public sealed class RateLimitBucketTests
{
    [SharedFact]
    public async Task RemainingZero_DelaysNextRequestOnSameBucketUntilReset_ButNotAnotherBucket()
    {
        // The docs' header example (Remaining 0, Reset-After 1), scaled to Reset-After 0.2.
        var exhausted = DiscordFixtures.RateLimit("rate_limit_headers_ok_response.json").With("X-RateLimit-Reset-After", "0.2");
        await using var server = await LoopbackServer.StartAsync(async (context, body) =>
        {
            var channel = context.Request.Path.Value!.Split('/')[4];
            await (exhausted with { Body = RestTestClient.MessageJson(channel, body) }).WriteAsync(context);
        });
        var time = new FakeTimeProvider();
        var client = RestTestClient.Create(server, time, RestTestClient.Limiter(time));

        await client.CreateMessageAsync("1", Message("first"), CancellationToken.None);
        var sameBucket = client.CreateMessageAsync("1", Message("same"), CancellationToken.None);
        await client.CreateMessageAsync("2", Message("other"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAny(sameBucket, Task.Delay(200));

        Assert.False(sameBucket.IsCompleted, "the request on the exhausted bucket did not wait for its reset");
        Assert.Equal(["first", "other"], server.Requests.Select(RestTestClient.Nonce));
        time.Advance(TimeSpan.FromMilliseconds(199));
        await Task.WhenAny(sameBucket, Task.Delay(100));
        Assert.False(sameBucket.IsCompleted, "sent before the reset");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await sameBucket.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["first", "other", "same"], server.Requests.Select(RestTestClient.Nonce));
    }

    private static MessagePayload Message(string nonce) => new() { Content = nonce, Nonce = nonce };
}
