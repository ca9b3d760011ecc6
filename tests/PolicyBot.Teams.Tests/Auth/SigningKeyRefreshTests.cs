using PolicyBot.Teams.Auth;
using PolicyBot.Teams.Tests.Auth.Support;

namespace PolicyBot.Teams.Tests.Auth;

/// <summary>The signing-key cache: first load, unknown-kid refetch (throttled), rotation, periodic refresh, outages.</summary>
public sealed class SigningKeyRefreshTests : ValidatorTestBase
{
    private static readonly AuthScenario UnknownKid = AuthScenario.Valid with { KeyId = "kid-not-in-jwks" };
    private static readonly AuthScenario Rotated = AuthScenario.Valid with { KeyId = TestSigningKeys.RotatedKid, SigningKey = TestSigningKeys.Secondary };

    [Fact]
    public async Task ValidateAsync_WarmCache_FetchesMetadataAndKeysOnce()
    {
        for (var i = 0; i < 5; i++) Assert.True((await Harness.ValidateAsync(AuthScenario.Valid)).Succeeded);

        Assert.Equal(1, Server.MetadataRequestCount);
        Assert.Equal(1, Server.KeysRequestCount);
    }

    [Fact]
    public async Task ValidateAsync_ConcurrentFirstRequests_FetchKeysOnce()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Harness.ValidateAsync(AuthScenario.Valid))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Detail));
        Assert.Equal(1, Server.KeysRequestCount);
    }

    [Fact]
    public async Task ValidateAsync_UnknownKid_RefetchesOnceThenFailsAndThrottlesFurtherRefetches()
    {
        await Harness.ValidateAsync(AuthScenario.Valid);
        Harness.Time.Advance(TimeSpan.FromMinutes(6));

        var first = await Harness.ValidateAsync(UnknownKid);
        Assert.Equal(TokenFailureReason.UnknownSigningKey, first.Failure);
        Assert.Equal(2, Server.KeysRequestCount);

        for (var i = 0; i < 3; i++) Assert.Equal(TokenFailureReason.UnknownSigningKey, (await Harness.ValidateAsync(UnknownKid)).Failure);
        Harness.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(TokenFailureReason.UnknownSigningKey, (await Harness.ValidateAsync(UnknownKid)).Failure);
        Assert.Equal(2, Server.KeysRequestCount);

        Harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TokenFailureReason.UnknownSigningKey, (await Harness.ValidateAsync(UnknownKid)).Failure);
        Assert.Equal(3, Server.KeysRequestCount);
        Assert.True((await Harness.ValidateAsync(AuthScenario.Valid)).Succeeded);
    }

    [Fact]
    public async Task ValidateAsync_UnknownKidOnColdCache_FetchesOnceAndFails()
    {
        var outcome = await Harness.ValidateAsync(UnknownKid);

        Assert.Equal(TokenFailureReason.UnknownSigningKey, outcome.Failure);
        Assert.Equal(1, Server.KeysRequestCount);
    }

    [Fact]
    public async Task ValidateAsync_KeyRotated_NewKidAcceptedAfterRefetch()
    {
        Assert.True((await Harness.ValidateAsync(AuthScenario.Valid)).Succeeded);
        Server.SetKeys(new JwksEntry(TestSigningKeys.RotatedKid, TestSigningKeys.Secondary, ["msteams"]));
        Harness.Time.Advance(TimeSpan.FromHours(1));

        var outcome = await Harness.ValidateAsync(Rotated);

        Assert.True(outcome.Succeeded, outcome.Detail);
        Assert.Equal(2, Server.KeysRequestCount);
        Assert.Equal(TokenFailureReason.UnknownSigningKey, (await Harness.ValidateAsync(AuthScenario.Valid)).Failure); // old key withdrawn
    }

    [Fact]
    public async Task ValidateAsync_KeysOlderThanRefreshInterval_RefetchedEvenForKnownKid()
    {
        await Harness.ValidateAsync(AuthScenario.Valid);
        Harness.Time.Advance(BotFrameworkAuthDefaults.KeyRefreshInterval - TimeSpan.FromMinutes(1));
        await Harness.ValidateAsync(AuthScenario.Valid);
        Assert.Equal(1, Server.KeysRequestCount);

        Harness.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await Harness.ValidateAsync(AuthScenario.Valid)).Succeeded);

        Assert.Equal(2, Server.KeysRequestCount);
    }

    [Fact]
    public async Task ValidateAsync_MetadataDownWithWarmCache_KeepsUsingCachedKeys()
    {
        await Harness.ValidateAsync(AuthScenario.Valid);
        Server.Available = false;
        Harness.Time.Advance(BotFrameworkAuthDefaults.KeyRefreshInterval + TimeSpan.FromMinutes(1));

        var outcome = await Harness.ValidateAsync(AuthScenario.Valid);

        Assert.True(outcome.Succeeded, outcome.Detail);
        Assert.Equal(2, Server.MetadataRequestCount);
        Assert.Contains(Harness.Logs.Entries, e => e.EventId.Id == 603);
    }

    [Fact]
    public async Task ValidateAsync_MetadataDownOnColdCache_FailsUntilItRecovers()
    {
        Server.Available = false;

        Assert.Equal(TokenFailureReason.SigningKeysUnavailable, (await Harness.ValidateAsync(AuthScenario.Valid)).Failure);
        Assert.Equal(TokenFailureReason.SigningKeysUnavailable, (await Harness.ValidateAsync(AuthScenario.Valid)).Failure);
        Assert.Equal(1, Server.MetadataRequestCount); // retried at most every EmptyCacheRetryInterval

        Server.Available = true;
        Harness.Time.Advance(BotFrameworkAuthDefaults.EmptyCacheRetryInterval);

        Assert.True((await Harness.ValidateAsync(AuthScenario.Valid)).Succeeded);
        Assert.Equal(2, Server.MetadataRequestCount);
    }

    [Fact]
    public async Task ValidateAsync_CancelledDuringFirstFetch_ThrowsAndNextRequestFetchesAgain()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var header = AuthScenario.Valid.AuthorizationHeader(Harness.Time.GetUtcNow());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Harness.Validator.ValidateAsync(header, AuthScenario.Valid.Activity, cancelled.Token));

        Assert.True((await Harness.ValidateAsync(AuthScenario.Valid)).Succeeded);
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("not a url")]
    [InlineData("")]
    public async Task Constructor_MetadataUrlNotHttpsOrLoopback_ThrowsNamingTheSetting(string url)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new TeamsOptions { AppId = AuthScenario.AppId, OpenIdMetadataUrl = url });

        var error = Assert.Throws<InvalidOperationException>(() => new BotFrameworkTokenValidator(
            new NoHttpClientFactory(), options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<BotFrameworkTokenValidator>.Instance));

        Assert.Contains("Teams:OpenIdMetadataUrl", error.Message);
    }

    private sealed class NoHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("not expected");
    }
}
