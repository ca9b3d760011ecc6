using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolicyBot.Core.State;

/// <summary>
/// The stable id of a (subscription, slot) delivery: the same on every instance and every retry, so a platform can recognise a
/// resend. 25 lowercase hex characters (100 bits of SHA-256) — the most Discord accepts as a message nonce.
/// </summary>
public static class DeliveryIds
{
    public const int Length = 25;

    public static string For(string subscriptionId, DateTimeOffset slot)
    {
        var key = subscriptionId + ":" + slot.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..Length];
    }
}
