using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Connector;

/// <summary>
/// Client-credentials tokens for the Bot Connector (<c>scope=https://api.botframework.com/.default</c>). One token is
/// cached until <see cref="RefreshMargin"/> before it expires, and concurrent callers share a single token request.
/// </summary>
public sealed class ConnectorTokenProvider(
    IHttpClientFactory httpClientFactory,
    IOptions<TeamsOptions> options,
    TimeProvider timeProvider,
    ILogger<ConnectorTokenProvider> logger) : IConnectorTokenProvider
{
    public const string HttpClientName = "policybot-teams-token";
    public const string Scope = "https://api.botframework.com/.default";
    public const string MultiTenantEndpoint = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    /// <summary>A token is replaced this long before it expires (or at half its lifetime, if that is shorter).</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private CachedToken? _cached;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } token) return token;

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } refreshed) return refreshed; // another caller fetched it while we waited
            var cached = await RequestTokenAsync(cancellationToken);
            Volatile.Write(ref _cached, cached);
            return cached.Value;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Invalidate(string token)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && cached.Value == token) Interlocked.CompareExchange(ref _cached, null, cached);
    }

    /// <summary>TokenEndpoint when set; otherwise the tenant's endpoint for single-tenant bots, or botframework.com's.</summary>
    internal static Uri ResolveTokenEndpoint(TeamsOptions settings) =>
        !string.IsNullOrWhiteSpace(settings.TokenEndpoint) ? new Uri(settings.TokenEndpoint)
        : !string.IsNullOrWhiteSpace(settings.TenantId) ? new Uri($"https://login.microsoftonline.com/{Uri.EscapeDataString(settings.TenantId.Trim())}/oauth2/v2.0/token")
        : new Uri(MultiTenantEndpoint);

    private string? Fresh()
    {
        var cached = Volatile.Read(ref _cached);
        return cached is not null && timeProvider.GetUtcNow() < cached.RefreshAt ? cached.Value : null;
    }

    private async Task<CachedToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var appId = Required(settings.AppId, nameof(TeamsOptions.AppId));
        var secret = Required(settings.AppPassword, nameof(TeamsOptions.AppPassword));
        var endpoint = ResolveTokenEndpoint(settings);

        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", appId),
            new("client_secret", secret),
            new("scope", Scope),
        ]);
        var client = httpClientFactory.CreateClient(HttpClientName);
        var requestedAt = timeProvider.GetUtcNow();
        using var response = await client.PostAsync(endpoint, form, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);

        if (!response.IsSuccessStatusCode)
        {
            var error = TryParse<TokenError>(body);
            logger.ConnectorTokenFailed(endpoint.Host, (int)response.StatusCode, error?.Error);
            throw new ConnectorException("GetToken", response.StatusCode, error?.Error, error?.Description);
        }

        var token = TryParse<TokenResponse>(body);
        if (string.IsNullOrEmpty(token?.AccessToken))
            throw new ConnectorException("GetToken", HttpStatusCode.BadGateway, "invalid_token_response", "The token endpoint answered without an access_token.");

        var lifetime = TimeSpan.FromSeconds(Math.Max(0, token.ExpiresIn));
        var margin = lifetime / 2 < RefreshMargin ? lifetime / 2 : RefreshMargin;
        logger.ConnectorTokenAcquired(endpoint.Host, token.ExpiresIn);
        return new CachedToken(token.AccessToken, requestedAt + lifetime - margin);
    }

    private static string Required(string? value, string key) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"{TeamsOptions.Section}:{key} must be set to send messages through the Bot Connector.")
            : value;

    private static T? TryParse<T>(string body) where T : class
    {
        try { return JsonSerializer.Deserialize<T>(body, BotJson.Options); }
        catch (JsonException) { return null; }
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record TokenError(
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? Description);
}
