using System.Buffers;
using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace PolicyBot.Discord.Interactions;

/// <summary>
/// Checks Discord's request signature: Ed25519 over UTF-8(<c>X-Signature-Timestamp</c>) followed by the raw body bytes,
/// plus a freshness check on the timestamp. Runs on every request, so it works on the stack or on pooled buffers.
/// </summary>
public sealed class InteractionSignatureVerifier
{
    public const string PublicKeySetting = "Discord:PublicKey";

    private const int SignatureBytes = 64, PublicKeyBytes = 32, StackMessageLimit = 1024;

    /// <summary>Discord sends Unix seconds (10 digits); anything much longer is not a timestamp.</summary>
    private const int MaxTimestampChars = 32;

    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private readonly PublicKey _publicKey;
    private readonly TimeProvider _timeProvider;
    private readonly long _maxSkewSeconds;

    /// <exception cref="ArgumentException">The key is not 64 hex characters of a valid Ed25519 public key; the message names <c>Discord:PublicKey</c>.</exception>
    public InteractionSignatureVerifier(string? publicKeyHex, TimeProvider? timeProvider = null, int maxTimestampSkewSeconds = 300)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTimestampSkewSeconds, 1);
        _publicKey = TryImport(publicKeyHex, out var key) ? key : throw new ArgumentException(DescribeInvalidKey(publicKeyHex), nameof(publicKeyHex));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _maxSkewSeconds = maxTimestampSkewSeconds;
    }

    public TimeSpan MaxTimestampSkew => TimeSpan.FromSeconds(_maxSkewSeconds);

    /// <summary>True when <paramref name="publicKeyHex"/> is a usable Ed25519 public key (64 hex characters).</summary>
    public static bool IsValidPublicKey(string? publicKeyHex) => TryImport(publicKeyHex, out _);

    /// <summary>Signature and freshness together, with the reason for a rejection.</summary>
    public SignatureVerdict Check(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp)) return SignatureVerdict.MissingHeaders;
        if (!IsTimestampFresh(timestamp)) return SignatureVerdict.StaleTimestamp;
        return Verify(signatureHex, timestamp, body) ? SignatureVerdict.Valid : SignatureVerdict.BadSignature;
    }

    /// <summary>
    /// True when <paramref name="signatureHex"/> is a valid signature of timestamp + body. Missing values, malformed hex
    /// and wrong lengths give false; this method does not throw. Freshness is checked separately (<see cref="IsTimestampFresh"/>).
    /// </summary>
    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || timestamp.Length > MaxTimestampChars) return false;
        if (signatureHex is null || signatureHex.Length != SignatureBytes * 2) return false;

        Span<byte> signature = stackalloc byte[SignatureBytes];
        if (Convert.FromHexString(signatureHex, signature, out _, out var decoded) != OperationStatus.Done || decoded != SignatureBytes)
            return false;

        // Ed25519 hashes the whole message in one go, so timestamp and body must sit in one contiguous buffer.
        var length = Encoding.UTF8.GetByteCount(timestamp) + body.Length;
        byte[]? rented = null;
        var message = length <= StackMessageLimit ? stackalloc byte[StackMessageLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var prefix = Encoding.UTF8.GetBytes(timestamp, message);
            body.CopyTo(message[prefix..]);
            return Ed25519.Verify(_publicKey, message[..length], signature);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>True when the timestamp is Unix seconds within the allowed skew of now; non-numeric timestamps are not fresh.</summary>
    public bool IsTimestampFresh(string? timestamp)
    {
        if (timestamp is null || timestamp.Length > MaxTimestampChars) return false;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        return seconds >= now - _maxSkewSeconds && seconds <= now + _maxSkewSeconds;
    }

    private static bool TryImport(string? publicKeyHex, out PublicKey key)
    {
        key = null!;
        var hex = publicKeyHex.AsSpan().Trim();
        if (hex.Length != PublicKeyBytes * 2) return false;
        Span<byte> raw = stackalloc byte[PublicKeyBytes];
        if (Convert.FromHexString(hex, raw, out _, out var decoded) != OperationStatus.Done || decoded != PublicKeyBytes) return false;
        if (!PublicKey.TryImport(Ed25519, raw, KeyBlobFormat.RawPublicKey, out var imported) || imported is null) return false;
        key = imported;
        return true;
    }

    internal static string DescribeInvalidKey(string? publicKeyHex)
    {
        var hex = publicKeyHex?.Trim() ?? "";
        var problem = hex.Length == 0 ? "it is empty"
            : hex.Length != PublicKeyBytes * 2 ? $"it has {hex.Length} characters"
            : "it is not valid hex or not a valid Ed25519 key";
        return $"{PublicKeySetting} must be the application's Ed25519 public key as {PublicKeyBytes * 2} hex characters "
            + $"(Developer Portal > General Information > Public Key), but {problem}.";
    }
}
