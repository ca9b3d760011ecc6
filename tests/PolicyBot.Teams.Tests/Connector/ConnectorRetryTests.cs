using System.Globalization;
using System.Net;
using PolicyBot.Teams.Connector;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Tests.Connector;

public sealed class ConnectorRetryTests
{
    private static Task<ResourceResponse> SendAsync(ConnectorHarness harness, string text = "hi", string conversationId = "a:chat") =>
        harness.Client.SendToConversationAsync(harness.ServiceUrl, conversationId, new Activity { Text = text }, CancellationToken.None);

    private static Dictionary<string, string> RetryAfter(string value) => new() { ["Retry-After"] = value };

    [Fact]
    public async Task SendAsync_429WithRetryAfterSeconds_WaitsThatLongAndDeliversTheMessage()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Script(ScriptedResponse.Error(429, "TooManyRequests", "slow down", RetryAfter("2")));

        var response = await SendAsync(harness, "the answer");

        Assert.Equal("activity-2", response.Id);
        Assert.Equal([TimeSpan.FromSeconds(2)], harness.Delay.Waits);
        Assert.Equal(2, harness.ConnectorRequests.Count);
        Assert.All(harness.ConnectorRequests, r => Assert.Contains("the answer", r.Body, StringComparison.Ordinal));
        harness.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfterDate_WaitsUntilThatDate()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var until = harness.Clock.GetUtcNow().AddSeconds(5).ToString("r", CultureInfo.InvariantCulture);
        harness.Script(ScriptedResponse.Error(429, "TooManyRequests", "slow down", RetryAfter(until)));

        await SendAsync(harness);

        Assert.Equal([TimeSpan.FromSeconds(5)], harness.Delay.Waits);
    }

    [Fact]
    public async Task SendAsync_500TwiceThen200_BacksOffExponentiallyAndSucceeds()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Script(ScriptedResponse.Error(500, "ServiceError", "boom"), new ScriptedResponse(500));

        var response = await SendAsync(harness);

        Assert.Equal("activity-3", response.Id);
        Assert.Equal(3, harness.ConnectorRequests.Count);
        var waits = harness.Delay.Waits;
        Assert.Equal(2, waits.Count);
        Assert.InRange(waits[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2));
        Assert.InRange(waits[1], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.4));
    }

    [Fact]
    public async Task SendAsync_AlwaysUnavailable_GivesUpAfterMaxRetries()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Script([.. Enumerable.Repeat(ScriptedResponse.Error(503, "ServiceUnavailable", "down"), 10)]);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => SendAsync(harness));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(ConnectorRetryPolicy.Default.MaxRetries + 1, harness.ConnectorRequests.Count);
    }

    [Fact]
    public async Task SendAsync_RetryAfterLongerThanAMinute_FailsWithoutWaiting()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Script(ScriptedResponse.Error(429, "TooManyRequests", "come back in an hour", RetryAfter("3600")));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => SendAsync(harness));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(harness.ConnectorRequests);
        Assert.Empty(harness.Delay.Waits);
    }

    [Fact]
    public async Task SendAsync_403_ThrowsConnectorExceptionWithoutTheToken()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        // A hostile or buggy service echoing our header must not put the token into the exception.
        harness.Script(ScriptedResponse.Error(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster. Bearer token-1"));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => SendAsync(harness));

        Assert.Equal("SendToConversation", error.Operation);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("BotNotInConversationRoster", error.ErrorCode);
        Assert.StartsWith("The bot is not part of the conversation roster.", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token-1", error.ToString(), StringComparison.Ordinal);
        Assert.Single(harness.ConnectorRequests); // 4xx other than 429 is not retried
        harness.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task SendAsync_429WhileAnotherMessageWaits_KeepsTheConversationInOrder()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var release = new TaskCompletionSource();
        harness.Script(ScriptedResponse.Error(429, "TooManyRequests", "slow down", RetryAfter("1")) with { HoldUntil = release.Task });

        var first = SendAsync(harness, "first");
        await WaitUntilAsync(() => harness.ConnectorRequests.Count == 1);
        var second = SendAsync(harness, "second"); // queued behind "first" for the same conversation
        release.SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal(["first", "first", "second"], harness.ConnectorRequests.Select(r => r.Body.Contains("first", StringComparison.Ordinal) ? "first" : "second"));
    }

    [Fact]
    public async Task SendAsync_OneConversationStalled_OtherConversationIsNotBlocked()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var release = new TaskCompletionSource();
        harness.Script(ScriptedResponse.Ok("slow") with { HoldUntil = release.Task });

        var stalled = SendAsync(harness, conversationId: "a:stalled");
        await WaitUntilAsync(() => harness.ConnectorRequests.Count == 1);
        var other = await SendAsync(harness, conversationId: "a:other").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(stalled.IsCompleted);
        Assert.Equal("activity-2", other.Id);
        release.SetResult();
        Assert.Equal("slow", (await stalled).Id);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the loopback server");
            await Task.Delay(10);
        }
    }
}
