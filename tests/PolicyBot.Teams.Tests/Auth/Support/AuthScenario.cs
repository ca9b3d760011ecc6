using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Tests.Auth.Support;

/// <summary>
/// One inbound request: the token to mint (defaults: the fixture's "valid token" setup) and the activity it arrives with.
/// Tests change one thing with <c>with</c>.
/// </summary>
internal sealed record AuthScenario
{
    public const string AppId = "00000000-0000-0000-0000-00000000b07f";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string ChannelIssuer = "https://api.botframework.com";

    public static AuthScenario Valid { get; } = new();

    public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;
    public string? KeyId { get; init; } = TestSigningKeys.PrimaryKid;
    public RSA SigningKey { get; init; } = TestSigningKeys.Primary;
    public string? Issuer { get; init; } = ChannelIssuer;
    public string? Audience { get; init; } = AppId;

    /// <summary>exp relative to now; nbf and iat are an hour before exp (5 min before now for the default token).</summary>
    public TimeSpan? ExpiresIn { get; init; } = TimeSpan.FromHours(1);
    public TimeSpan? NotBeforeIn { get; init; }
    public string ServiceUrlClaimName { get; init; } = "serviceurl";
    public string? ServiceUrlClaim { get; init; } = ServiceUrl;

    public string? ActivityServiceUrl { get; init; } = ServiceUrl;
    public string? ChannelId { get; init; } = "msteams";

    /// <summary>null sends no Authorization header.</summary>
    public string? Scheme { get; init; } = "Bearer";

    public Activity Activity => new()
    {
        Type = ActivityTypes.Message,
        Id = "1481567603816",
        ChannelId = ChannelId,
        ServiceUrl = ActivityServiceUrl,
        From = new ChannelAccount { Id = "29:user" },
        Recipient = new ChannelAccount { Id = "28:" + AppId },
        Conversation = new ConversationAccount { Id = "a:conversation" },
        Text = "what is the warranty on the battery?",
    };

    public string? AuthorizationHeader(DateTimeOffset now) => Scheme is null ? null : $"{Scheme} {MintToken(now)}";

    public string MintToken(DateTimeOffset now)
    {
        var expires = ExpiresIn is { } e ? now + e : (DateTimeOffset?)null;
        var notBefore = NotBeforeIn is { } n ? now + n : (expires ?? now) - TimeSpan.FromMinutes(65);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        if (Issuer is not null) claims["iss"] = Issuer;
        if (Audience is not null) claims["aud"] = Audience;
        claims["nbf"] = notBefore.ToUnixTimeSeconds();
        claims["iat"] = notBefore.ToUnixTimeSeconds();
        if (expires is not null) claims["exp"] = expires.Value.ToUnixTimeSeconds();
        if (ServiceUrlClaim is not null) claims[ServiceUrlClaimName] = ServiceUrlClaim;

        if (Algorithm == "none") return Unsigned(claims);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor { Claims = claims, SigningCredentials = Credentials() });
    }

    private SigningCredentials Credentials()
    {
        SecurityKey key = Algorithm.StartsWith("HS", StringComparison.Ordinal)
            ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-shared-secret-long-enough-for-hmac-sha-512-which-wants-64-bytes-or-more!"))
            : new RsaSecurityKey(SigningKey);
        key.KeyId = KeyId;
        return new SigningCredentials(key, Algorithm);
    }

    /// <summary>A hand-built <c>alg: none</c> token: header.payload. with an empty signature.</summary>
    private string Unsigned(Dictionary<string, object> claims)
    {
        var header = new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT" };
        if (KeyId is not null) header["kid"] = KeyId;
        return $"{Base64UrlEncoder.Encode(System.Text.Json.JsonSerializer.Serialize(header))}.{Base64UrlEncoder.Encode(System.Text.Json.JsonSerializer.Serialize(claims))}.";
    }
}
