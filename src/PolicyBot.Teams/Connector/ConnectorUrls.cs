namespace PolicyBot.Teams.Connector;

/// <summary>Connector v3 URLs under a channel's serviceUrl (its path, e.g. <c>/amer/&lt;tenant&gt;/</c>, is kept).</summary>
internal static class ConnectorUrls
{
    public static Uri Conversations(string serviceUrl) => Build(serviceUrl, "v3/conversations");

    public static Uri Activities(string serviceUrl, string conversationId) =>
        Build(serviceUrl, $"v3/conversations/{EncodeSegment(conversationId)}/activities");

    public static Uri Activity(string serviceUrl, string conversationId, string activityId) =>
        Build(serviceUrl, $"v3/conversations/{EncodeSegment(conversationId)}/activities/{EncodeSegment(activityId)}");

    public static Uri Member(string serviceUrl, string conversationId, string userId) =>
        Build(serviceUrl, $"v3/conversations/{EncodeSegment(conversationId)}/members/{EncodeSegment(userId)}");

    /// <summary>
    /// Percent-encodes a path segment the way the reference client does (JavaScript <c>encodeURIComponent</c>):
    /// Teams ids such as <c>19:x@thread.tacv2;messageid=1</c> become <c>19%3Ax%40thread.tacv2%3Bmessageid%3D1</c>;
    /// letters, digits and <c>-_.!~*'()</c> are left as they are.
    /// </summary>
    public static string EncodeSegment(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return Uri.EscapeDataString(value)
            .Replace("%21", "!", StringComparison.Ordinal)
            .Replace("%27", "'", StringComparison.Ordinal)
            .Replace("%28", "(", StringComparison.Ordinal)
            .Replace("%29", ")", StringComparison.Ordinal)
            .Replace("%2A", "*", StringComparison.Ordinal);
    }

    private static Uri Build(string serviceUrl, string relative)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var service)
            || (service.Scheme != Uri.UriSchemeHttps && service.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(service.Query) || !string.IsNullOrEmpty(service.Fragment))
            throw new ArgumentException($"serviceUrl must be an absolute http(s) URL without query or fragment, got '{serviceUrl}'.", nameof(serviceUrl));

        return new Uri(service.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + relative, UriKind.Absolute);
    }
}
