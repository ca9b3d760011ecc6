using System.Security.Cryptography;
using System.Text;

namespace PolicyBot.Core.Ingestion.Readers;

/// <summary>What every reader does with the raw bytes and the source path: hash, decode, id and fallback title.</summary>
internal static class SourceText
{
    // string.Normalize is a no-op under InvariantGlobalization, so accented Latin letters are folded by table.
    private static readonly Dictionary<char, string> LatinFolding = BuildLatinFolding(
        ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ìíîïĩīĭįı", "i"),
        ("ĺļľł", "l"), ("ñńņň", "n"), ("òóôõöøōŏő", "o"), ("ŕř", "r"), ("śŝşš", "s"), ("ţť", "t"),
        ("ùúûüũūŭůűų", "u"), ("ýÿ", "y"), ("źżž", "z"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"));

    public static async ValueTask<byte[]> ReadAllBytesAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>SHA-256 of the raw bytes as lower-case hex.</summary>
    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>UTF-8 (or the encoding its byte-order mark names), with line endings normalised to <c>\n</c>.</summary>
    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }

    /// <summary>"policies/China/MOFCOM 61.md" → "policies-china-mofcom-61".</summary>
    public static string Slug(string sourcePath)
    {
        var withoutExtension = StripExtension(sourcePath);
        var builder = new StringBuilder(withoutExtension.Length);
        foreach (var c in withoutExtension.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') builder.Append(c);
            else if (LatinFolding.TryGetValue(c, out var folded)) builder.Append(folded);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length > 0 ? slug : "document";
    }

    /// <summary>"policies/mofcom_announcement-61.md" → "Mofcom announcement 61".</summary>
    public static string TitleFromFileName(string sourcePath)
    {
        var name = Path.GetFileName(StripExtension(sourcePath).Replace('\\', '/').TrimEnd('/').Split('/')[^1]);
        var words = name.Split(['-', '_', ' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return "Untitled document";
        var title = string.Join(' ', words);
        return char.ToUpperInvariant(title[0]) + title[1..];
    }

    private static string StripExtension(string sourcePath)
    {
        var path = sourcePath.Trim();
        var lastSeparator = path.LastIndexOfAny(['/', '\\']);
        var dot = path.LastIndexOf('.');
        return dot > lastSeparator + 1 ? path[..dot] : path;
    }

    private static Dictionary<char, string> BuildLatinFolding(params (string Letters, string Ascii)[] groups) =>
        groups.SelectMany(g => g.Letters.Select(c => (c, g.Ascii))).ToDictionary(p => p.c, p => p.Ascii);
}
