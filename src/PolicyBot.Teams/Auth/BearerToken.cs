namespace PolicyBot.Teams.Auth;

/// <summary>Reads <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer";

    /// <summary>The token, or null unless the header is the Bearer scheme, one space, and a token without spaces.
    /// The scheme is matched case-insensitively (RFC 7235); the SDKs require exactly "Bearer", which channels always send.</summary>
    public static string? Read(string header)
    {
        var space = header.IndexOf(' ');
        if (space != Scheme.Length || !header.AsSpan(0, space).Equals(Scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[(space + 1)..];
        return token.Length == 0 || token.Contains(' ') ? null : token;
    }
}
