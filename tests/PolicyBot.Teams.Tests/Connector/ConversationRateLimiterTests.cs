using Microsoft.Extensions.Time.Testing;
using PolicyBot.Teams.Connector;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Tests.Connector;

public sealed class ConversationRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Reserve_EighthSendWithinASecond_WaitsOnlyInThatConversation()
    {
        var limiter = new ConversationRateLimiter(_clock);

        var burst = Enumerable.Range(0, 7).Select(_ => limiter.Reserve("a:busy")).ToList();
        var eighth = limiter.Reserve("a:busy");
        var other = limiter.Reserve("a:quiet");

        Assert.All(burst, wait => Assert.Equal(TimeSpan.Zero, wait));
        Assert.Equal(TimeSpan.FromSeconds(1), eighth);
        Assert.Equal(TimeSpan.Zero, other);
    }

    [Fact]
    public void Reserve_SustainedSending_NeverExceedsAnyDocumentedWindow()
    {
        var limiter = new ConversationRateLimiter(_clock);
        var sent = new List<DateTimeOffset>();

        for (var i = 0; i < 200; i++)
        {
            _clock.Advance(limiter.Reserve("a:chat"));   // wait as told, then send
            sent.Add(_clock.GetUtcNow());
            _clock.Advance(TimeSpan.FromMilliseconds(50)); // the request itself takes a moment
        }

        foreach (var window in ConnectorLimits.PerConversationWindows)
            for (var i = 0; i < sent.Count; i++)
                Assert.True(sent.Count(t => t >= sent[i] && t < sent[i] + window.Length) <= window.MaxOperations,
                    $"more than {window.MaxOperations} sends in {window.Length} starting at #{i}");
        // 60 per 30 s dominates a long run: 200 sends need at least three full windows.
        Assert.True(sent[^1] - sent[0] >= TimeSpan.FromSeconds(90), $"200 sends took only {sent[^1] - sent[0]}");
    }

    [Fact]
    public void Reserve_AfterTheConversationWasIdle_DoesNotWait()
    {
        var limiter = new ConversationRateLimiter(_clock, [new RateWindow(TimeSpan.FromSeconds(1), 1)]);

        Assert.Equal(TimeSpan.Zero, limiter.Reserve("a:chat"));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.Reserve("a:chat"));
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.Zero, limiter.Reserve("a:chat"));
    }

    [Fact]
    public void Reserve_ManyShortLivedConversations_ForgetsTheIdleOnes()
    {
        var limiter = new ConversationRateLimiter(_clock, [new RateWindow(TimeSpan.FromSeconds(1), 7)]);

        for (var i = 0; i < 2048; i++)
        {
            limiter.Reserve($"a:chat-{i}");
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.InRange(limiter.TrackedConversations, 1, 1100);
    }

    [Fact]
    public async Task SendToConversationAsync_BurstInOneConversation_PacesOnlyThatConversation()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        Task SendAsync(string conversationId) =>
            harness.Client.SendToConversationAsync(harness.ServiceUrl, conversationId, new Activity { Text = "hi" }, CancellationToken.None);

        for (var i = 0; i < 7; i++) await SendAsync("a:busy");
        await SendAsync("a:quiet");
        Assert.Empty(harness.Delay.Waits);

        await SendAsync("a:busy");

        Assert.Equal([TimeSpan.FromSeconds(1)], harness.Delay.Waits);
        Assert.Equal(9, harness.ConnectorRequests.Count);
    }
}
