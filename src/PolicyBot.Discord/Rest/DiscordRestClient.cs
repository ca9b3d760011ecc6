using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Telemetry;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Rest;

/// <summary>
/// Discord REST v10, the few routes PolicyBot uses. A typed client: give it the factory's <see cref="HttpClient"/>, and a
/// singleton <see cref="DiscordRateLimiter"/> so rate-limit state is shared by every instance (without one it keeps its own).
/// Bot routes send <c>Authorization: Bot &lt;token&gt;</c>; webhook and interaction-callback routes authenticate with the
/// interaction token in the path and send no Authorization header. Errors throw <see cref="DiscordApiException"/>.
/// </summary>
/// <remarks>
/// Wiring (no DelegatingHandler needed: rate limiting happens around each attempt, outside <see cref="HttpClient.Timeout"/>):
/// <code>
/// services.TryAddSingleton(TimeProvider.System);
/// services.AddSingleton&lt;DiscordRateLimiter&gt;();
/// services.AddHttpClient&lt;DiscordRestClient&gt;()
///     .RemoveAllLoggers()               // default HttpClient logs print URLs, and webhook URLs hold interaction tokens
///     .RemoveAllResilienceHandlers();   // if ConfigureHttpClientDefaults adds one: its 429 retries and timeouts fight Discord's limits
/// </code>
/// </remarks>
public sealed class DiscordRestClient
{
    public const string UserAgent = "DiscordBot (https://github.com/policybot, 1.0)";

    /// <summary>The platform tag on this client's metrics.</summary>
    internal const string Platform = "discord";

    private readonly HttpClient _httpClient;
    private readonly ILogger _logger;
    private readonly Uri _baseUri;
    private readonly string? _token;

    public DiscordRestClient(HttpClient httpClient, IOptions<DiscordOptions> options, TimeProvider timeProvider,
        ILogger<DiscordRestClient> logger, DiscordRateLimiter? rateLimiter = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var value = options.Value;
        if (!Uri.TryCreate(value.ApiBaseUrl?.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
            throw new InvalidOperationException($"{DiscordOptions.Section}:ApiBaseUrl must be an absolute URL.");
        _httpClient = httpClient;
        _logger = logger;
        _baseUri = baseUri;
        _token = string.IsNullOrWhiteSpace(value.Token) ? null : value.Token;
        RateLimiter = rateLimiter ?? new DiscordRateLimiter(timeProvider, logger);
    }

    internal DiscordRateLimiter RateLimiter { get; }

    /// <summary>POST /channels/{channel_id}/messages.</summary>
    public Task<DiscordMessage> CreateMessageAsync(string channelId, MessagePayload payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentNullException.ThrowIfNull(payload);
        return SendAsync<MessagePayload, DiscordMessage>(DiscordRoute.CreateMessage(channelId), payload, cancellationToken);
    }

    /// <summary>POST /channels/{channel_id}/messages/{message_id}/threads.</summary>
    public Task<DiscordChannel> StartThreadFromMessageAsync(string channelId, string messageId, StartThreadPayload payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentNullException.ThrowIfNull(payload);
        return SendAsync<StartThreadPayload, DiscordChannel>(DiscordRoute.StartThreadFromMessage(channelId, messageId), payload, cancellationToken);
    }

    /// <summary>POST /interactions/{id}/{token}/callback (204). No Authorization header; not subject to the global limit.</summary>
    public async Task CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interactionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(interactionToken);
        ArgumentNullException.ThrowIfNull(response);
        await SendAsync(DiscordRoute.InteractionCallback(interactionId, interactionToken), Serialize(response), cancellationToken);
    }

    /// <summary>PATCH /webhooks/{application_id}/{token}/messages/@original: fills in a deferred response.</summary>
    public Task<DiscordMessage> EditOriginalInteractionResponseAsync(string applicationId, string interactionToken, MessagePayload payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(interactionToken);
        ArgumentNullException.ThrowIfNull(payload);
        return SendAsync<MessagePayload, DiscordMessage>(DiscordRoute.EditOriginalResponse(applicationId, interactionToken), payload, cancellationToken);
    }

    /// <summary>POST /webhooks/{application_id}/{token}: a follow-up message (valid for 15 minutes after the interaction).</summary>
    public Task<DiscordMessage> CreateFollowupMessageAsync(string applicationId, string interactionToken, MessagePayload payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(interactionToken);
        ArgumentNullException.ThrowIfNull(payload);
        return SendAsync<MessagePayload, DiscordMessage>(DiscordRoute.CreateFollowup(applicationId, interactionToken), payload, cancellationToken);
    }

    /// <summary>PUT /applications/{id}/commands, or /applications/{id}/guilds/{guild_id}/commands when <paramref name="guildId"/> is set. Replaces the whole set.</summary>
    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteCommandsAsync(string applicationId, string? guildId,
        IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        ArgumentNullException.ThrowIfNull(commands);
        if (guildId is not null) ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        return SendAsync<IReadOnlyList<ApplicationCommand>, IReadOnlyList<ApplicationCommand>>(
            DiscordRoute.BulkOverwriteCommands(applicationId, guildId), commands, cancellationToken);
    }

    /// <summary>GET /gateway/bot; returns its <c>url</c> (e.g. <c>wss://gateway.discord.gg</c>).</summary>
    public async Task<string> GetGatewayBotUrlAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync(DiscordRoute.GetGatewayBot(), null, cancellationToken);
        return DiscordJson.Deserialize<GatewayBotResponse>(response.Body).Url;
    }

    private async Task<TResult> SendAsync<TBody, TResult>(DiscordRoute route, TBody body, CancellationToken cancellationToken)
    {
        var response = await SendAsync(route, Serialize(body), cancellationToken);
        return DiscordJson.Deserialize<TResult>(response.Body);
    }

    private async Task<DiscordResponse> SendAsync(DiscordRoute route, byte[]? body, CancellationToken cancellationToken)
    {
        if (route.Kind == DiscordRouteKind.Bot && _token is null)
            throw new InvalidOperationException($"{DiscordOptions.Section}:Token is required for {route.Key}.");
        using var activity = PolicyBotTelemetry.Source.StartActivity("discord.send", System.Diagnostics.ActivityKind.Client);
        activity?.SetTag("policybot.route", route.Key);
        var response = await RateLimiter.SendAsync(route, token => SendOnceAsync(route, body, token), cancellationToken);
        activity?.SetTag(PolicyBotTelemetry.StatusTag, (int)response.StatusCode);
        if (response.IsSuccess) return response;
        PolicyBotTelemetry.RecordPlatformApiError(Platform, (int)response.StatusCode);
        activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
        var exception = DiscordApiException.FromResponse(response.StatusCode, route.Key, response.Body);
        _logger.ApiError(route.Key, (int)response.StatusCode, exception.ErrorCode, exception.ErrorMessage);
        throw exception;
    }

    /// <summary>One attempt; a fresh request message each time, so a 429 retry re-sends the same bytes.</summary>
    private async Task<DiscordResponse> SendOnceAsync(DiscordRoute route, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(route.Method, new Uri(_baseUri, route.Path));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (route.Kind == DiscordRouteKind.Bot) request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _token);
        if (body is not null) request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        try
        {
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return await DiscordResponse.ReadAsync(response, cancellationToken);
        }
        catch (HttpRequestException)
        {
            PolicyBotTelemetry.RecordPlatformApiError(Platform, 0);
            throw;
        }
    }

    private static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, DiscordJson.Options);
}
