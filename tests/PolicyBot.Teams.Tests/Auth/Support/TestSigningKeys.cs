using System.Security.Cryptography;

namespace PolicyBot.Teams.Tests.Auth.Support;

/// <summary>RSA key pairs generated once per test run (key generation is the slow part on 2 cores).</summary>
internal static class TestSigningKeys
{
    public const string PrimaryKid = "test-kid-1";
    public const string RotatedKid = "test-kid-2";
    public const string UnendorsedKid = "test-kid-unendorsed";

    public static RSA Primary { get; } = RSA.Create(2048);
    public static RSA Secondary { get; } = RSA.Create(2048);

    /// <summary>Not served by any key server: signs tokens that claim a served kid but were not made by its owner.</summary>
    public static RSA Rogue { get; } = RSA.Create(2048);

    /// <summary>The default JWKS: the primary key, endorsed like the fixture's "msteams,webchat" key, plus one key without endorsements.</summary>
    public static JwksEntry[] DefaultJwks() =>
    [
        new(PrimaryKid, Primary, ["msteams", "webchat"]),
        new(UnendorsedKid, Secondary, null),
    ];
}
