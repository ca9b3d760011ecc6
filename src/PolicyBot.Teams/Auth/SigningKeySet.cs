using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace PolicyBot.Teams.Auth;

/// <summary>A JWKS key plus the Bot Framework <c>endorsements</c> (channel ids it may sign for).</summary>
internal sealed record EndorsedSigningKey(string KeyId, SecurityKey Key, FrozenSet<string> Endorsements);

/// <summary>The usable RSA signing keys of one JWKS document, by <c>kid</c>.</summary>
internal sealed class SigningKeySet
{
    private readonly FrozenDictionary<string, EndorsedSigningKey> _keys;

    private SigningKeySet(FrozenDictionary<string, EndorsedSigningKey> keys, Uri source) => (_keys, Source) = (keys, source);

    public Uri Source { get; }

    public int Count => _keys.Count;

    public bool TryGet(string keyId, [MaybeNullWhen(false)] out EndorsedSigningKey key) => _keys.TryGetValue(keyId, out key);

    /// <summary>Reads <c>{"keys":[...]}</c>. Entries that are not RSA signing keys with kid, n and e are skipped; the first of duplicate kids wins.</summary>
    /// <exception cref="InvalidDataException">The document has no usable key.</exception>
    public static SigningKeySet Parse(JsonElement jwks, Uri source, ILogger logger)
    {
        if (jwks.ValueKind != JsonValueKind.Object || !jwks.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"The JWKS at {source} has no \"keys\" array.");

        var result = new Dictionary<string, EndorsedSigningKey>(StringComparer.Ordinal);
        foreach (var entry in keys.EnumerateArray())
        {
            var kid = ReadString(entry, "kid");
            var problem = ReadKey(entry, kid, out var key);
            if (problem is not null) logger.JwksEntrySkipped(kid, problem);
            else if (!result.TryAdd(kid!, key!)) logger.JwksEntrySkipped(kid, "duplicate kid");
        }

        if (result.Count == 0) throw new InvalidDataException($"The JWKS at {source} has no usable RSA signing key.");
        return new SigningKeySet(result.ToFrozenDictionary(StringComparer.Ordinal), source);
    }

    private static string? ReadKey(JsonElement entry, string? kid, out EndorsedSigningKey? key)
    {
        key = null;
        if (string.IsNullOrEmpty(kid)) return "no kid";
        if (ReadString(entry, "kty") != "RSA") return "not an RSA key";
        if (ReadString(entry, "use") is { } use && use != "sig") return $"use is '{use}'";
        if (ReadString(entry, "n") is not { Length: > 0 } n || ReadString(entry, "e") is not { Length: > 0 } e) return "no modulus or exponent";

        try
        {
            var parameters = new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(n), Exponent = Base64UrlEncoder.DecodeBytes(e) };
            key = new EndorsedSigningKey(kid, new RsaSecurityKey(parameters) { KeyId = kid }, ReadEndorsements(entry));
            return null;
        }
        catch (FormatException) { return "modulus or exponent is not base64url"; }
    }

    private static FrozenSet<string> ReadEndorsements(JsonElement entry)
    {
        if (!entry.TryGetProperty("endorsements", out var array) || array.ValueKind != JsonValueKind.Array) return FrozenSet<string>.Empty;
        return array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)
            .ToFrozenSet(StringComparer.Ordinal);
    }

    private static string? ReadString(JsonElement entry, string name) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}
