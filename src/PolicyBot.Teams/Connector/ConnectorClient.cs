using System.Text.Json;
using Microsoft.Extensions.Logging;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Connector;

/// <summary>
/// Our Bot Connector v3 client (Microsoft.Bot.Connector cannot be restored here).
/// <code>
/// caller ─► per-conversation gate ─► pacing slot ─► bearer token ─► POST/PUT ─► 2xx: ResourceResponse
///                                        ▲                                  ├─► 401: new token, once
///                                        └──── Retry-After / back-off ◄─────┼─► 429/412/5xx: retry (capped)
///                                                                           └─► other 4xx: ConnectorException
/// </code>
/// Reads (GET a member) skip the gate and pacing, and share the token, retry and error handling.
/// </summary>
public sealed partial class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    IConnectorTokenProvider tokens,
    ConversationRateLimiter rateLimiter,
    IConnectorDelay delay,
    TimeProvider timeProvider,
    ILogger<ConnectorClient> logger,
    ConnectorRetryPolicy? retryPolicy = null) : IConnectorClient
{
    public const string HttpClientName = "policybot-teams-connector";

    private readonly ConversationGate _gate = new();
    private readonly ConnectorRetryPolicy _retry = retryPolicy ?? ConnectorRetryPolicy.Default;

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity reply, CancellationToken cancellationToken)
    {
        var uri = ConnectorUrls.Activity(serviceUrl, conversationId, activityId);
        return SendAsync<ResourceResponse>("ReplyToActivity", HttpMethod.Post, uri, conversationId, ActivityJson(reply), cancellationToken);
    }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var uri = ConnectorUrls.Activities(serviceUrl, conversationId);
        return SendAsync<ResourceResponse>("SendToConversation", HttpMethod.Post, uri, conversationId, ActivityJson(activity), cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        var uri = ConnectorUrls.Activity(serviceUrl, conversationId, activityId);
        return SendAsync<ResourceResponse>("UpdateActivity", HttpMethod.Put, uri, conversationId, ActivityJson(activity), cancellationToken);
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var uri = ConnectorUrls.Conversations(serviceUrl);
        if (parameters.Activity is { } first) ConnectorLimits.EnsureWithinLimit(first);
        var json = JsonSerializer.Serialize(parameters with { Activity = parameters.Activity is { } a ? ConnectorLimits.ForWire(a) : null }, BotJson.Options);
        // No conversation exists yet to pace or serialize on; 429s are still retried.
        return SendAsync<ConversationResourceResponse>("CreateConversation", HttpMethod.Post, uri, conversationId: null, json, cancellationToken);
    }

    public Task<TeamsChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        var uri = ConnectorUrls.Member(serviceUrl, conversationId, userId);
        // A read: not paced with the conversation's messages; 429s and 5xx are still retried.
        return SendAsync<TeamsChannelAccount>("GetConversationMember", HttpMethod.Get, uri, conversationId: null, json: null, cancellationToken);
    }

    private static string ActivityJson(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ConnectorLimits.EnsureWithinLimit(activity);
        return JsonSerializer.Serialize(ConnectorLimits.ForWire(activity), BotJson.Options);
    }
}
