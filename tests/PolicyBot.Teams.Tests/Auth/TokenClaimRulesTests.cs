using PolicyBot.Teams.Auth;
using PolicyBot.Teams.Tests.Auth.Support;

namespace PolicyBot.Teams.Tests.Auth;

/// <summary>Lifetime, audience, issuer, endorsement and serviceurl rules, one per test, against a real Kestrel OpenID/JWKS server.</summary>
public sealed class TokenClaimRulesTests : ValidatorTestBase
{
    [Theory]
    [InlineData(-301, TokenFailureReason.Expired)]
    [InlineData(-600, TokenFailureReason.Expired)]
    [InlineData(-299, null)]
    [InlineData(-120, null)]
    public async Task ValidateAsync_ExpiredToken_AcceptedOnlyWithinFiveMinuteSkew(int expiresInSeconds, TokenFailureReason? expected)
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { ExpiresIn = TimeSpan.FromSeconds(expiresInSeconds) });

        Assert.Equal(expected, outcome.Failure);
    }

    [Theory]
    [InlineData(301, TokenFailureReason.NotYetValid)]
    [InlineData(240, null)]
    public async Task ValidateAsync_NotBeforeInTheFuture_AcceptedOnlyWithinFiveMinuteSkew(int notBeforeInSeconds, TokenFailureReason? expected)
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { NotBeforeIn = TimeSpan.FromSeconds(notBeforeInSeconds) });

        Assert.Equal(expected, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_TokenExpiresLaterOnTheClock_FailsExpired()
    {
        var header = AuthScenario.Valid.AuthorizationHeader(Harness.Time.GetUtcNow());
        Assert.True((await Harness.Validator.ValidateAsync(header, AuthScenario.Valid.Activity, CancellationToken.None)).Succeeded);

        Harness.Time.Advance(TimeSpan.FromMinutes(66));
        var outcome = await Harness.Validator.ValidateAsync(header, AuthScenario.Valid.Activity, CancellationToken.None);

        Assert.Equal(TokenFailureReason.Expired, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_NoExpClaim_FailsInvalidLifetime()
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { ExpiresIn = null });

        Assert.Equal(TokenFailureReason.InvalidLifetime, outcome.Failure);
    }

    [Theory]
    [InlineData("someone-else")]
    [InlineData(AuthScenario.AppId + "/")]
    [InlineData("https://api.botframework.com")]
    public async Task ValidateAsync_WrongAudience_FailsInvalidAudience(string audience)
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { Audience = audience });

        Assert.Equal(TokenFailureReason.InvalidAudience, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_NoAudience_FailsInvalidAudience()
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { Audience = null });

        Assert.Equal(TokenFailureReason.InvalidAudience, outcome.Failure);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")]
    public async Task ValidateAsync_WrongIssuer_FailsInvalidIssuer(string issuer)
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { Issuer = issuer });

        Assert.Equal(TokenFailureReason.InvalidIssuer, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_KeyNotEndorsedForTheChannel_FailsChannelNotEndorsed()
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { ChannelId = "slack" });

        Assert.Equal(TokenFailureReason.ChannelNotEndorsed, outcome.Failure);
    }

    [Theory]
    [InlineData("msteams")]
    [InlineData("webchat")]
    [InlineData("")]
    [InlineData(null)]
    public async Task ValidateAsync_KeyWithoutEndorsements_FailsChannelNotEndorsed(string? channelId)
    {
        // The SDKs skip the check for such keys; the docs (and PolicyBot) require the channel to be listed.
        var scenario = AuthScenario.Valid with { KeyId = TestSigningKeys.UnendorsedKid, SigningKey = TestSigningKeys.Secondary, ChannelId = channelId };

        var outcome = await Harness.ValidateAsync(scenario);

        Assert.Equal(TokenFailureReason.ChannelNotEndorsed, outcome.Failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("MSTEAMS")]
    public async Task ValidateAsync_ActivityChannelIdMissingOrDifferentCase_FailsChannelNotEndorsed(string? channelId)
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { ChannelId = channelId });

        Assert.Equal(TokenFailureReason.ChannelNotEndorsed, outcome.Failure);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/amer")] // trailing slash differs: exact, as in both SDKs
    [InlineData("https://SMBA.trafficmanager.net/amer/")]
    [InlineData(null)]
    public async Task ValidateAsync_ServiceUrlClaimDiffersFromActivity_FailsServiceUrlMismatch(string? activityServiceUrl)
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { ActivityServiceUrl = activityServiceUrl });

        Assert.Equal(TokenFailureReason.ServiceUrlMismatch, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_NoServiceUrlClaim_FailsServiceUrlMismatch()
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { ServiceUrlClaim = null });

        Assert.Equal(TokenFailureReason.ServiceUrlMismatch, outcome.Failure);
    }
}
