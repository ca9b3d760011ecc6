using System.Security.Cryptography;
using System.Text;

namespace PolicyBot.Qdrant.Payload;

/// <summary>
/// Qdrant point ids are integers or UUIDs, so ours are name-based UUIDs (SHA-256, RFC 9562 version 8): the same document or
/// passage always maps to the same point, on every replica, without a lookup table.
/// </summary>
internal static class PointIds
{
    /// <summary>The point holding a document's record.</summary>
    public static Guid Document(string documentId) => FromName("document\n" + documentId);

    /// <summary>
    /// A passage's point in one generation of its document. Each upsert writes a new generation next to the old one, so a
    /// replaced document never has a moment with neither version stored.
    /// </summary>
    public static Guid Passage(string passageId, long generation) => FromName(FormattableString.Invariant($"passage\n{generation}\n{passageId}"));

    private static Guid FromName(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
