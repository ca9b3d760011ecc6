namespace PolicyBot.Teams.Auth;

/// <summary>Why an inbound Bot Framework token was rejected. For logs and tests only; the endpoint answers 401 without detail.</summary>
public enum TokenFailureReason
{
    /// <summary><c>Teams:AppId</c> is not set, so no token can be valid (fail closed).</summary>
    NotConfigured,
    MissingHeader,
    WrongScheme,
    MalformedToken,
    AlgorithmNotAllowed,
    UnknownSigningKey,
    /// <summary>The OpenID metadata or JWKS could not be fetched and no keys are cached.</summary>
    SigningKeysUnavailable,
    InvalidSignature,
    InvalidIssuer,
    InvalidAudience,
    Expired,
    NotYetValid,
    InvalidLifetime,
    ChannelNotEndorsed,
    ServiceUrlMismatch,
    Invalid,
}
