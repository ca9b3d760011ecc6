using Microsoft.IdentityModel.Tokens;

namespace PolicyBot.Teams.Auth;

/// <summary>Fixed rules of Bot Framework channel → bot authentication, as the docs and the official SDKs apply them.</summary>
public static class BotFrameworkAuthDefaults
{
    /// <summary>Named <see cref="HttpClient"/> used to fetch the OpenID metadata and the JWKS.</summary>
    public const string HttpClientName = "policybot-teams-auth";

    /// <summary>The service-URL claim; real tokens and both SDKs use the lower-case name.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>The SDKs' AllowedSigningAlgorithms; <c>none</c>, HS* and everything else is rejected.</summary>
    public static IReadOnlyList<string> AllowedAlgorithms { get; } =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    public static TimeSpan ClockSkew { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Cached keys are refetched after this age (the docs ask for at least every 24 h).</summary>
    public static TimeSpan KeyRefreshInterval { get; } = TimeSpan.FromHours(12);

    /// <summary>An unknown <c>kid</c> triggers a refetch at most this often.</summary>
    public static TimeSpan MinimumRefreshInterval { get; } = TimeSpan.FromMinutes(5);

    /// <summary>While no keys have ever loaded, a failed fetch is retried at most this often.</summary>
    public static TimeSpan EmptyCacheRetryInterval { get; } = TimeSpan.FromSeconds(10);
}
