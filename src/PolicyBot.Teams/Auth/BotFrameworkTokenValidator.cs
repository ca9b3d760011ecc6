using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Auth;

/// <summary>
/// Validates the JWT a Bot Framework channel sends with each activity (channel → bot), following the
/// Bot Connector authentication rules: Bearer scheme, RSA signature by a key from the OpenID metadata's JWKS,
/// issuer, audience = app id, lifetime with 5 min skew, key endorsed for the activity's channel, and the
/// <c>serviceurl</c> claim equal to the activity's serviceUrl. Register as a singleton (it caches the keys).
/// </summary>
public sealed class BotFrameworkTokenValidator
{
    private readonly SigningKeyCache _keys;
    private readonly TeamsOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public BotFrameworkTokenValidator(IHttpClientFactory httpClientFactory, IOptions<TeamsOptions> options,
        TimeProvider timeProvider, ILogger<BotFrameworkTokenValidator> logger)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        var metadataUrl = ParseMetadataUrl(_options.OpenIdMetadataUrl);
        _keys = new SigningKeyCache(new BotFrameworkMetadataClient(httpClientFactory, logger), metadataUrl, timeProvider, logger);
    }

    /// <summary>Validates <paramref name="authorizationHeader"/> (the raw <c>Authorization</c> value) for <paramref name="activity"/>, the deserialized request body.</summary>
    public async Task<TokenValidationOutcome> ValidateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var outcome = await ValidateCoreAsync(authorizationHeader, activity, cancellationToken);
        if (outcome.Succeeded) _logger.TokenValidated(activity.ChannelId);
        else _logger.TokenRejected(outcome.Failure.Value, outcome.Detail);
        return outcome;
    }

    private async Task<TokenValidationOutcome> ValidateCoreAsync(string? header, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.AppId))
            return Fail(TokenFailureReason.NotConfigured, "Teams:AppId is not set");
        if (string.IsNullOrWhiteSpace(header))
            return Fail(TokenFailureReason.MissingHeader, "no Authorization header");
        if (BearerToken.Read(header) is not { } raw)
            return Fail(TokenFailureReason.WrongScheme, "Authorization is not 'Bearer <token>'");
        if (ReadToken(raw) is not { } token)
            return Fail(TokenFailureReason.MalformedToken, "not a compact signed JWT");
        if (!BotFrameworkAuthDefaults.AllowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal))
            return Fail(TokenFailureReason.AlgorithmNotAllowed, $"alg '{Clip(token.Alg)}' is not RS256/RS384/RS512");
        if (string.IsNullOrEmpty(token.Kid))
            return Fail(TokenFailureReason.UnknownSigningKey, "the token has no kid");

        var keys = await _keys.GetKeysAsync(token.Kid, cancellationToken);
        if (keys is null)
            return Fail(TokenFailureReason.SigningKeysUnavailable, "no signing keys could be loaded");
        if (!keys.TryGet(token.Kid, out var key))
            return Fail(TokenFailureReason.UnknownSigningKey, $"kid '{Clip(token.Kid)}' is not in the JWKS");

        var result = await _handler.ValidateTokenAsync(token, CreateParameters(key.Key));
        if (!result.IsValid)
            return Fail(MapFailure(result.Exception), result.Exception?.Message ?? "token validation failed");

        // Stricter than the SDKs, which skip this check for keys without endorsements or activities without channelId.
        if (string.IsNullOrEmpty(activity.ChannelId) || !key.Endorsements.Contains(activity.ChannelId))
            return Fail(TokenFailureReason.ChannelNotEndorsed, $"key '{key.KeyId}' is not endorsed for channel '{Clip(activity.ChannelId)}'");

        // Exact, like both SDKs: a trailing-slash difference is a mismatch.
        var serviceUrl = result.ClaimsIdentity.FindFirst(BotFrameworkAuthDefaults.ServiceUrlClaim)?.Value;
        if (serviceUrl is null || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.Ordinal))
            return Fail(TokenFailureReason.ServiceUrlMismatch, "the serviceurl claim does not equal activity.serviceUrl");

        return TokenValidationOutcome.Success(result.ClaimsIdentity);
    }

    private JsonWebToken? ReadToken(string raw)
    {
        if (!_handler.CanReadToken(raw)) return null;
        try
        {
            var token = _handler.ReadJsonWebToken(raw);
            return token.IsEncrypted ? null : token;
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or System.Text.Json.JsonException or FormatException)
        {
            return null;
        }
    }

    private TokenValidationParameters CreateParameters(SecurityKey key) => new()
    {
        ValidIssuer = _options.ChannelIssuer,
        ValidAudience = _options.AppId,
        IgnoreTrailingSlashWhenValidatingAudience = false,
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = BotFrameworkAuthDefaults.AllowedAlgorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        RequireAudience = true,
        ValidateLifetime = true,
        ClockSkew = BotFrameworkAuthDefaults.ClockSkew,
        LifetimeValidator = ValidateLifetime, // TokenValidationParameters.TimeProvider is not public in 8.23
    };

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var skew = BotFrameworkAuthDefaults.ClockSkew;
        if (expires is not { } exp) throw new SecurityTokenNoExpirationException("The token has no exp claim.");
        if (notBefore is { } nbf && nbf > exp) throw new SecurityTokenInvalidLifetimeException("The token's nbf is after its exp.");
        if (notBefore is { } early && early > now + skew)
            throw new SecurityTokenNotYetValidException($"The token is not valid before {early:O}.") { NotBefore = early };
        if (exp < now - skew) throw new SecurityTokenExpiredException($"The token expired at {exp:O}.") { Expires = exp };
        return true;
    }

    private static TokenFailureReason MapFailure(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => TokenFailureReason.Expired,
        SecurityTokenNotYetValidException => TokenFailureReason.NotYetValid,
        SecurityTokenNoExpirationException or SecurityTokenInvalidLifetimeException => TokenFailureReason.InvalidLifetime,
        SecurityTokenInvalidAudienceException => TokenFailureReason.InvalidAudience,
        SecurityTokenInvalidIssuerException => TokenFailureReason.InvalidIssuer,
        SecurityTokenInvalidAlgorithmException => TokenFailureReason.AlgorithmNotAllowed,
        SecurityTokenInvalidSignatureException => TokenFailureReason.InvalidSignature,
        SecurityTokenMalformedException => TokenFailureReason.MalformedToken,
        _ => TokenFailureReason.Invalid,
    };

    /// <summary>Header values and channel ids come from the caller; keep them short in logs.</summary>
    private static string? Clip(string? value) => value is { Length: > 64 } ? value[..64] + "…" : value;

    private static TokenValidationOutcome Fail(TokenFailureReason reason, string detail) => TokenValidationOutcome.Fail(reason, detail);

    private static Uri ParseMetadataUrl(string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !BotFrameworkMetadataClient.IsAllowedEndpoint(uri))
            throw new InvalidOperationException($"{TeamsOptions.Section}:{nameof(TeamsOptions.OpenIdMetadataUrl)} must be an absolute HTTPS URL (HTTP only on loopback); got '{value}'.");
        return uri;
    }
}
