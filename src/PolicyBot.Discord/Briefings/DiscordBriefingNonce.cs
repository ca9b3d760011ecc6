using System.Security.Cryptography;
using System.Text;

namespace PolicyBot.Discord.Briefings;

/// <summary>
/// The message nonce for a delivery: the delivery id itself when it fits Discord's 25 characters, otherwise "d" and 24 hex
/// characters of its SHA-256; continuation messages (part 2, 3, …) hash "{deliveryId}/{part}". Either way the same delivery
/// always gives the same nonces, which is what lets Discord (with <c>enforce_nonce</c>) return the earlier message instead of
/// posting a retry twice.
/// </summary>
public static class DiscordBriefingNonce
{
    public const int MaxLength = 25;

    /// <param name="part">1 for the first (often only) message of the delivery.</param>
    public static string For(string deliveryId, int part = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryId);
        ArgumentOutOfRangeException.ThrowIfLessThan(part, 1);
        if (part > 1) return Hash(FormattableString.Invariant($"{deliveryId}/{part}"));
        if (deliveryId.Length <= MaxLength && deliveryId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.')) return deliveryId;
        return Hash(deliveryId);
    }

    private static string Hash(string value) => "d" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..(MaxLength - 1)];
}
