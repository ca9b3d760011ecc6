using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace PolicyBot.Teams.Auth;

/// <summary>The result of validating an inbound request's token: the claims, or why it was rejected.</summary>
public sealed record TokenValidationOutcome
{
    private TokenValidationOutcome(ClaimsIdentity? identity, TokenFailureReason? failure, string? detail) =>
        (Identity, Failure, Detail) = (identity, failure, detail);

    /// <summary>The validated token's claims (claim types as in the JWT, e.g. <c>aud</c>, <c>serviceurl</c>).</summary>
    public ClaimsIdentity? Identity { get; }

    public TokenFailureReason? Failure { get; }

    /// <summary>Human-readable detail for logs; never send it to the caller.</summary>
    public string? Detail { get; }

    [MemberNotNullWhen(true, nameof(Identity))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Identity is not null;

    public static TokenValidationOutcome Success(ClaimsIdentity identity) =>
        new(identity ?? throw new ArgumentNullException(nameof(identity)), null, null);

    public static TokenValidationOutcome Fail(TokenFailureReason reason, string detail) => new(null, reason, detail);
}
