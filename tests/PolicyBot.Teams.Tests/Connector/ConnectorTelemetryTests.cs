using PolicyBot.Teams.Models;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Connector;

/// <summary>Connector errors and Teams rate limits on the loopback Connector show up in the PolicyBot metrics and traces.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class ConnectorTelemetryTests
{
    [Fact]
    public async Task A429ThenA403_CountsBothErrorsAndTheRetryAfterWait()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Script(
            ScriptedResponse.Error(429, "TooManyRequests", "slow down", new Dictionary<string, string> { ["Retry-After"] = "2" }),
            ScriptedResponse.Error(403, "BotNotInConversationRoster", "not a member"));
        using var telemetry = new TelemetryRecorder();

        await Assert.ThrowsAsync<PolicyBot.Teams.Connector.ConnectorException>(() =>
            harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", new Activity { Text = "secret question text" }, CancellationToken.None));

        var errors = telemetry.Of("policybot.platform.api_errors");
        Assert.Equal(["403", "429"], errors.Select(e => e.Tag("http.response.status_code")).Order());
        Assert.All(errors, e => Assert.Equal("teams", e.Tag("policybot.platform")));
        var wait = Assert.Single(telemetry.Of("policybot.platform.rate_limit_wait"), w => w.Tag("policybot.reason") == "retry_after");
        Assert.Equal(2000, wait.Value);
        var span = Assert.Single(telemetry.Activities, a => a.OperationName == "teams.send");
        Assert.Equal("403", span.GetTagItem("http.response.status_code")?.ToString());
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains("secret question") == true);
    }
}
