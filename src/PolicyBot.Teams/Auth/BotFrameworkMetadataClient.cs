using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Teams.Auth;

/// <summary>Fetches the OpenID metadata document, follows its <c>jwks_uri</c> and reads the signing keys.</summary>
internal sealed class BotFrameworkMetadataClient(IHttpClientFactory httpClientFactory, ILogger logger)
{
    /// <exception cref="HttpRequestException">A document could not be fetched.</exception>
    /// <exception cref="JsonException">A document is not JSON.</exception>
    /// <exception cref="InvalidDataException">A document lacks what the protocol requires.</exception>
    public async Task<SigningKeySet> FetchSigningKeysAsync(Uri metadataUrl, CancellationToken cancellationToken)
    {
        var http = httpClientFactory.CreateClient(BotFrameworkAuthDefaults.HttpClientName);

        Uri jwksUri;
        using (var metadata = await GetJsonAsync(http, metadataUrl, cancellationToken))
            jwksUri = ReadJwksUri(metadata.RootElement, metadataUrl);

        using var jwks = await GetJsonAsync(http, jwksUri, cancellationToken);
        return SigningKeySet.Parse(jwks.RootElement, jwksUri, logger);
    }

    /// <summary>HTTPS only, except loopback so tests and local tools can serve keys.</summary>
    public static bool IsAllowedEndpoint(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    private static Uri ReadJwksUri(JsonElement metadata, Uri metadataUrl)
    {
        if (metadata.ValueKind != JsonValueKind.Object || !metadata.TryGetProperty("jwks_uri", out var value)
            || value.ValueKind != JsonValueKind.String || !Uri.TryCreate(value.GetString(), UriKind.Absolute, out var jwksUri))
            throw new InvalidDataException($"The OpenID metadata at {metadataUrl} has no absolute jwks_uri.");
        if (!IsAllowedEndpoint(jwksUri))
            throw new InvalidDataException($"The OpenID metadata at {metadataUrl} names a jwks_uri that is neither HTTPS nor loopback: {jwksUri}");
        return jwksUri;
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, Uri uri, CancellationToken cancellationToken)
    {
        // Buffered read: the named client's MaxResponseContentBufferSize caps the document size.
        using var response = await http.GetAsync(uri, cancellationToken);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return JsonDocument.Parse(bytes);
    }
}
