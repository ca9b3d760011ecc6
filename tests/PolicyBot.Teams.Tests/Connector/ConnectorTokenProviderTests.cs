using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Teams.Connector;
using PolicyBot.Teams.Models;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Connector;

public sealed class ConnectorTokenProviderTests
{
    private static Task<ResourceResponse> SendAsync(ConnectorHarness harness, string conversationId = "a:chat") =>
        harness.Client.SendToConversationAsync(harness.ServiceUrl, conversationId, new Activity { Text = "hi" }, CancellationToken.None);

    [Fact]
    public async Task GetTokenAsync_ManySequentialAndConcurrentReplies_RequestsOneToken()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.TokenLatency = TimeSpan.FromMilliseconds(200); // concurrent callers all arrive while the first request is open

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => SendAsync(harness, $"a:chat-{i % 6}")));
        for (var i = 0; i < 3; i++) await SendAsync(harness);

        Assert.Single(harness.TokenRequests);
        Assert.Equal(27, harness.ConnectorRequests.Count);
        Assert.All(harness.ConnectorRequests, r => Assert.Equal("Bearer token-1", r.Headers["Authorization"]));
        harness.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task GetTokenAsync_NearExpiry_RequestsANewTokenFiveMinutesEarly()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        await SendAsync(harness);
        harness.Clock.Advance(TimeSpan.FromMinutes(54)); // token valid 60 min, refreshed at 55
        await SendAsync(harness);
        Assert.Single(harness.TokenRequests);

        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        await SendAsync(harness);

        Assert.Equal(2, harness.TokenRequests.Count);
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], harness.ConnectorRequests.Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task GetTokenAsync_TokenRequest_IsTheExactClientCredentialsForm()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        await SendAsync(harness);

        var request = Assert.Single(harness.TokenRequests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(ConnectorHarness.TokenPath, request.RawTarget);
        Assert.Equal("application/x-www-form-urlencoded", request.Headers["Content-Type"]);
        Assert.Equal(
            "grant_type=client_credentials&client_id=0b6fe6d1-fece-44f7-9a48-56465e2d5ab8"
            + "&client_secret=s3cr~t%2B%2F%3DZz-never-logged&scope=https%3A%2F%2Fapi.botframework.com%2F.default",
            request.Body);
    }

    [Theory]
    [InlineData("50612dbb-0237-4969-b378-8d42590f9c00", "https://login.microsoftonline.com/50612dbb-0237-4969-b378-8d42590f9c00/oauth2/v2.0/token")]
    [InlineData(null, "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")]
    public async Task GetTokenAsync_NoTokenEndpointConfigured_UsesTenantOrBotFrameworkEndpoint(string? tenantId, string expected)
    {
        var intended = new List<Uri>();
        await using var harness = await ConnectorHarness.StartAsync(
            options => (options.TokenEndpoint, options.TenantId) = (null, tenantId),
            services => services.AddHttpClient(ConnectorTokenProvider.HttpClientName)
                .AddHttpMessageHandler(sp => new LoopbackRedirectHandler(sp.GetRequiredService<LoopbackAddress>().Value, intended)));

        await SendAsync(harness);

        Assert.Equal(expected, Assert.Single(intended).ToString());
        Assert.Single(harness.TokenRequests);
    }

    [Fact]
    public void ResolveTokenEndpoint_TokenEndpointSet_WinsOverTenant()
    {
        var endpoint = ConnectorTokenProvider.ResolveTokenEndpoint(new TeamsOptions { TenantId = "t", TokenEndpoint = "http://127.0.0.1:1/token" });

        Assert.Equal("http://127.0.0.1:1/token", endpoint.ToString());
    }

    [SharedFact]
    public async Task GetTokenAsync_DocumentedTokenResponse_SendsItsAccessToken()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var fixture = Models.BotFixtures.Text("auth", "token_response_client_credentials.json");
        harness.TokenResponder = _ => new ScriptedResponse(200, fixture);

        await SendAsync(harness);

        Assert.Equal("Bearer eyJhbGciOiJIUzI1Ni...", Assert.Single(harness.ConnectorRequests).Headers["Authorization"]);
    }

    [Fact]
    public async Task GetTokenAsync_InvalidClientSecret_ThrowsWithTheAadErrorAndNoSecret()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.TokenResponder = _ => new ScriptedResponse(401, """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => SendAsync(harness));

        Assert.Equal("GetToken", error.Operation);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.DoesNotContain(ConnectorHarness.AppPassword, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(harness.ConnectorRequests);
        harness.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task GetTokenAsync_NoAppPassword_FailsNamingTheSetting()
    {
        await using var harness = await ConnectorHarness.StartAsync(options => options.AppPassword = null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(harness));

        Assert.Contains("Teams:AppPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ConnectorRejectsToken_FetchesANewOneAndRetriesOnce()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Script(ScriptedResponse.Error(401, "Unauthorized", "token expired"));

        var response = await SendAsync(harness);

        Assert.Equal("activity-2", response.Id);
        Assert.Equal(2, harness.TokenRequests.Count);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], harness.ConnectorRequests.Select(r => r.Headers["Authorization"]));
        Assert.Empty(harness.Delay.Waits);
    }
}
