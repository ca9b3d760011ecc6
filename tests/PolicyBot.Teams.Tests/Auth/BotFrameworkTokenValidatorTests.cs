using Microsoft.IdentityModel.Tokens;
using PolicyBot.Teams.Auth;
using PolicyBot.Teams.Tests.Auth.Support;

namespace PolicyBot.Teams.Tests.Auth;

/// <summary>Header, token format, algorithm and signature rules, one per test, against a real Kestrel OpenID/JWKS server on 127.0.0.1.</summary>
public sealed class BotFrameworkTokenValidatorTests : ValidatorTestBase
{
    [Fact]
    public async Task ValidateAsync_ValidToken_SucceedsWithTheTokenClaims()
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid);

        Assert.True(outcome.Succeeded, outcome.Detail);
        Assert.Null(outcome.Failure);
        Assert.Equal(AuthScenario.AppId, outcome.Identity.FindFirst("aud")?.Value);
        Assert.Equal(AuthScenario.ChannelIssuer, outcome.Identity.FindFirst("iss")?.Value);
        Assert.Equal(AuthScenario.ServiceUrl, outcome.Identity.FindFirst("serviceurl")?.Value);
        Assert.True(outcome.Identity.IsAuthenticated);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ValidateAsync_NoAuthorizationHeader_FailsMissingHeader(string? header)
    {
        var outcome = await Harness.Validator.ValidateAsync(header, AuthScenario.Valid.Activity, CancellationToken.None);

        Assert.Equal(TokenFailureReason.MissingHeader, outcome.Failure);
        Assert.Equal(0, Server.KeysRequestCount);
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Token")]
    [InlineData("Bearer ")] // two spaces
    public async Task ValidateAsync_NotBearerScheme_FailsWrongScheme(string scheme)
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { Scheme = scheme });

        Assert.Equal(TokenFailureReason.WrongScheme, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_BearerWithoutToken_FailsWrongScheme()
    {
        var outcome = await Harness.Validator.ValidateAsync("Bearer", AuthScenario.Valid.Activity, CancellationToken.None);

        Assert.Equal(TokenFailureReason.WrongScheme, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_LowerCaseBearerScheme_Succeeds()
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { Scheme = "bearer" });

        Assert.True(outcome.Succeeded, outcome.Detail);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("HS256")]
    [InlineData("HS512")]
    [InlineData("PS256")]
    public async Task ValidateAsync_AlgorithmOtherThanRsaSha2_FailsAlgorithmNotAllowed(string algorithm)
    {
        // The kid is a served RSA key, so only the algorithm rule stands between the token and acceptance.
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { Algorithm = algorithm });

        Assert.Equal(TokenFailureReason.AlgorithmNotAllowed, outcome.Failure);
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task ValidateAsync_RsaSha2Algorithm_Succeeds(string algorithm)
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { Algorithm = algorithm });

        Assert.True(outcome.Succeeded, outcome.Detail);
    }

    [Fact]
    public async Task ValidateAsync_SignedByAnotherKeyUnderAServedKid_FailsInvalidSignature()
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { SigningKey = TestSigningKeys.Rogue });

        Assert.Equal(TokenFailureReason.InvalidSignature, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_PayloadTamperedAfterSigning_FailsInvalidSignature()
    {
        var token = AuthScenario.Valid.MintToken(Harness.Time.GetUtcNow()).Split('.');
        var claims = Base64UrlEncoder.Decode(token[1]).Replace(AuthScenario.ServiceUrl, "https://evil.example/", StringComparison.Ordinal);
        var tampered = $"{token[0]}.{Base64UrlEncoder.Encode(claims)}.{token[2]}";
        var activity = AuthScenario.Valid.Activity with { ServiceUrl = "https://evil.example/" };

        var outcome = await Harness.Validator.ValidateAsync("Bearer " + tampered, activity, CancellationToken.None);

        Assert.Equal(TokenFailureReason.InvalidSignature, outcome.Failure);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.!!!.abc")]
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6InRlc3Qta2lkLTEifQ")]
    [InlineData("e30.e30.e30.e30.e30")] // five parts: an encrypted (JWE) shape
    public async Task ValidateAsync_MalformedToken_FailsMalformedToken(string token)
    {
        var outcome = await Harness.Validator.ValidateAsync("Bearer " + token, AuthScenario.Valid.Activity, CancellationToken.None);

        Assert.Equal(TokenFailureReason.MalformedToken, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_TokenWithoutKid_FailsUnknownSigningKey()
    {
        var outcome = await Harness.ValidateAsync(AuthScenario.Valid with { KeyId = null });

        Assert.Equal(TokenFailureReason.UnknownSigningKey, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_AppIdNotConfigured_FailsNotConfiguredWithoutFetchingKeys()
    {
        await using var harness = ValidatorHarness.Create(Server.MetadataUrl, appId: null);

        var outcome = await harness.ValidateAsync(AuthScenario.Valid);

        Assert.Equal(TokenFailureReason.NotConfigured, outcome.Failure);
        Assert.Equal(0, Server.MetadataRequestCount);
    }

    [Fact]
    public async Task ValidateAsync_Rejection_LogsReasonButNeverTheToken()
    {
        var scenario = AuthScenario.Valid with { Audience = "someone-else" };
        var header = scenario.AuthorizationHeader(Harness.Time.GetUtcNow())!;

        await Harness.Validator.ValidateAsync(header, scenario.Activity, CancellationToken.None);

        var rejected = Assert.Single(Harness.Logs.Entries, e => e.EventId.Id == 600);
        Assert.Contains(nameof(TokenFailureReason.InvalidAudience), rejected.Message);
        var signature = header.Split('.')[2];
        Assert.DoesNotContain(Harness.Logs.Entries, e => e.Message.Contains(signature, StringComparison.Ordinal));
        Assert.All(Harness.Logs.Entries.Where(e => e.Category.StartsWith("PolicyBot", StringComparison.Ordinal)), e => Assert.InRange(e.EventId.Id, 600, 649));
    }
}
