using System.Net;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord.Tests.Rest;

/// <summary>The limiter on its own: a fake clock and a fake send function, no HTTP and no real sleeping.</summary>
public sealed class DiscordRateLimiterTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    [Fact]
    public void GlobalRateWindow_SixtyReservationsAtOnce_FiftyNowTenAfterOneSecond()
    {
        var window = new GlobalRateWindow(50, TimeSpan.FromSeconds(1));

        var delays = Enumerable.Range(0, 60).Select(_ => window.Reserve(TimeSpan.Zero)).ToList();

        Assert.All(delays.Take(50), d => Assert.Equal(TimeSpan.Zero, d));
        Assert.All(delays.Skip(50), d => Assert.Equal(TimeSpan.FromSeconds(1), d));
    }

    [Fact]
    public async Task SendAsync_SixtyBotRequests_NeverMoreThanFiftyInAnyOneSecondWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = RestTestClient.Limiter(time);
        var sentAt = new List<DateTimeOffset>();

        var all = Task.WhenAll(Enumerable.Range(0, 60).Select(i => limiter.SendAsync(DiscordRoute.CreateMessage($"c{i}"), _ =>
        {
            lock (sentAt) sentAt.Add(time.GetUtcNow());
            return Task.FromResult(RestTestClient.Ok());
        }, CancellationToken.None)));
        await RestTestClient.DriveAsync(time, all, Step);

        Assert.Equal(60, sentAt.Count);
        Assert.Equal(50, sentAt.Count(t => t == sentAt.Min()));
        foreach (var start in sentAt) Assert.InRange(sentAt.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)), 1, 50);
    }

    [Fact]
    public async Task SendAsync_InteractionRoutes_AreNotCountedByTheGlobalWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = RestTestClient.Limiter(time);

        var all = Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            limiter.SendAsync(DiscordRoute.InteractionCallback($"i{i}", "tok"), _ => Task.FromResult(RestTestClient.Ok()), CancellationToken.None)));

        await all.WaitAsync(TimeSpan.FromSeconds(10)); // no Advance: nobody waited
        Assert.Equal(0, limiter.BucketCount);
    }

    [Fact]
    public async Task SendAsync_GlobalPause_HoldsBotRoutesButNotInteractionRoutes()
    {
        var time = new FakeTimeProvider();
        var limiter = RestTestClient.Limiter(time);
        var responses = new Queue<DiscordResponse>([RestTestClient.TooMany(10, global: true, scope: "global"), RestTestClient.Ok()]);

        var limited = limiter.SendAsync(DiscordRoute.CreateMessage("1"), _ => Task.FromResult(responses.Dequeue()), CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(10), limiter.GlobalPauseRemaining);
        var otherSent = false;
        var other = limiter.SendAsync(DiscordRoute.GetGatewayBot(), _ => { otherSent = true; return Task.FromResult(RestTestClient.Ok()); }, CancellationToken.None);
        await limiter.SendAsync(DiscordRoute.CreateFollowup("app", "tok"), _ => Task.FromResult(RestTestClient.Ok()), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        time.Advance(TimeSpan.FromSeconds(9.9));
        await Task.WhenAny(other, Task.Delay(50));
        Assert.False(otherSent);
        await RestTestClient.DriveAsync(time, Task.WhenAll(limited, other), Step);
        Assert.Equal(HttpStatusCode.OK, (await limited).StatusCode);
        Assert.Empty(responses);
    }

    [Fact]
    public async Task SendAsync_SameBucket_SendsOneAtATime()
    {
        var limiter = RestTestClient.Limiter(new FakeTimeProvider());
        var firstResponse = new TaskCompletionSource<DiscordResponse>();
        var secondSent = false;

        var first = limiter.SendAsync(DiscordRoute.CreateMessage("1"), _ => firstResponse.Task, CancellationToken.None);
        var second = limiter.SendAsync(DiscordRoute.CreateMessage("1"), _ => { secondSent = true; return Task.FromResult(RestTestClient.Ok()); }, CancellationToken.None);
        var otherChannel = limiter.SendAsync(DiscordRoute.CreateMessage("2"), _ => Task.FromResult(RestTestClient.Ok()), CancellationToken.None);

        await otherChannel.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAny(second, Task.Delay(50));
        Assert.False(secondSent);
        firstResponse.SetResult(RestTestClient.Ok());
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(secondSent);
    }

    [Fact]
    public async Task SendAsync_StillLimitedAfterMaxRetries_ThrowsAfterOnePlusMaxRetriesSends()
    {
        var time = new FakeTimeProvider();
        var limiter = RestTestClient.Limiter(time, maxRetries: 5);
        var sends = 0;

        var send = limiter.SendAsync(DiscordRoute.CreateMessage("1"), _ => { sends++; return Task.FromResult(RestTestClient.TooMany(0.5)); }, CancellationToken.None);
        var error = await Assert.ThrowsAsync<DiscordApiException>(() => RestTestClient.DriveAsync(time, send, Step));

        Assert.Equal(6, sends);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("still rate limited (scope user) after 5 retries", error.Message);
    }

    [Fact]
    public async Task SendAsync_429WithoutJsonBody_WaitsForRetryAfterHeader()
    {
        var time = new FakeTimeProvider();
        var limiter = RestTestClient.Limiter(time);
        var cloudflare = new DiscordResponse(HttpStatusCode.TooManyRequests, RateLimitHeaders.None with { RetryAfter = 2 }, "<html>banned</html>");
        var responses = new Queue<DiscordResponse>([cloudflare, RestTestClient.Ok()]);
        var sentAt = new List<DateTimeOffset>();

        var send = limiter.SendAsync(DiscordRoute.GetGatewayBot(), _ => { sentAt.Add(time.GetUtcNow()); return Task.FromResult(responses.Dequeue()); }, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1.999));
        await Task.WhenAny(send, Task.Delay(50));
        Assert.Single(sentAt);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, sentAt.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), sentAt[1] - sentAt[0]);
    }

    [Fact]
    public async Task SendAsync_LearnedBucketHash_KeepsMajorParametersApart()
    {
        var time = new FakeTimeProvider();
        var limiter = RestTestClient.Limiter(time);
        var exhausted = RestTestClient.Ok(RateLimitHeaders.None with { Bucket = "abcd1234", Remaining = 0, ResetAfter = 5 });
        await limiter.SendAsync(DiscordRoute.CreateMessage("1"), _ => Task.FromResult(exhausted), CancellationToken.None);

        await limiter.SendAsync(DiscordRoute.CreateMessage("2"), _ => Task.FromResult(RestTestClient.Ok()), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var sameChannel = limiter.SendAsync(DiscordRoute.StartThreadFromMessage("1", "m"), _ => Task.FromResult(RestTestClient.Ok()), CancellationToken.None);
        var sameRoute = limiter.SendAsync(DiscordRoute.CreateMessage("1"), _ => Task.FromResult(RestTestClient.Ok()), CancellationToken.None);

        await sameChannel.WaitAsync(TimeSpan.FromSeconds(10)); // another route: its own bucket until Discord says otherwise
        await Task.WhenAny(sameRoute, Task.Delay(50));
        Assert.False(sameRoute.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        await sameRoute.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task SendAsync_ManyInteractionTokens_ForgetsIdleBuckets()
    {
        var limiter = RestTestClient.Limiter(new FakeTimeProvider());
        var headers = RateLimitHeaders.None with { Bucket = "webhook", Remaining = 4, ResetAfter = 1 };

        for (var i = 0; i < 1000; i++)
            await limiter.SendAsync(DiscordRoute.EditOriginalResponse("app", $"token{i}"), _ => Task.FromResult(RestTestClient.Ok(headers)), CancellationToken.None);

        Assert.Equal(0, limiter.BucketCount);
    }

    [Fact]
    public async Task SendAsync_CancelledWhileWaitingForReset_ThrowsAndLeavesTheBucketUsable()
    {
        var time = new FakeTimeProvider();
        var limiter = RestTestClient.Limiter(time);
        var exhausted = RestTestClient.Ok(RateLimitHeaders.None with { Remaining = 0, ResetAfter = 5 });
        await limiter.SendAsync(DiscordRoute.CreateMessage("1"), _ => Task.FromResult(exhausted), CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var waiting = limiter.SendAsync(DiscordRoute.CreateMessage("1"), _ => Task.FromResult(RestTestClient.Ok()), cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        time.Advance(TimeSpan.FromSeconds(5));
        await limiter.SendAsync(DiscordRoute.CreateMessage("1"), _ => Task.FromResult(RestTestClient.Ok()), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, limiter.BucketCount);
    }
}
