using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Connector;

public sealed partial class ConnectorClient
{
    private async Task<T> SendAsync<T>(string operation, HttpMethod method, Uri uri, string? conversationId, string? json, CancellationToken cancellationToken)
        where T : class, new()
    {
        using var turn = conversationId is null ? null : await _gate.EnterAsync(conversationId, cancellationToken);
        var retries = 0;
        var tokenRefreshed = false;
        for (var attempts = 1; ; attempts++)
        {
            if (conversationId is not null) await PaceAsync(operation, conversationId, cancellationToken);
            var token = await tokens.GetTokenAsync(cancellationToken);

            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(method, uri, json, token, cancellationToken);
            }
            catch (HttpRequestException ex) when (retries < _retry.MaxRetries)
            {
                var wait = _retry.GetDelay(retries++, retryAfter: null)!.Value;
                logger.ConnectorUnreachable(ex, operation, retries, _retry.MaxRetries, wait.TotalMilliseconds);
                await delay.DelayAsync(wait, cancellationToken);
                continue;
            }

            using (response)
            {
                var status = response.StatusCode;
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    logger.ConnectorRequestSucceeded(operation, (int)status, attempts);
                    return string.IsNullOrWhiteSpace(body) ? new T() : JsonSerializer.Deserialize<T>(body, BotJson.Options) ?? new T();
                }

                if (status == HttpStatusCode.Unauthorized && !tokenRefreshed)
                {
                    tokenRefreshed = true;
                    tokens.Invalidate(token);
                    logger.ConnectorTokenRejected(operation);
                    continue;
                }

                if (ConnectorRetryPolicy.IsTransient(status) && retries < _retry.MaxRetries
                    && _retry.GetDelay(retries, RetryAfter(response)) is { } wait)
                {
                    retries++;
                    logger.ConnectorRetrying(operation, (int)status, retries, _retry.MaxRetries, wait.TotalMilliseconds);
                    await delay.DelayAsync(wait, cancellationToken);
                    continue;
                }

                var error = ParseError(body);
                logger.ConnectorRequestFailed(operation, (int)status, error?.Code, attempts);
                throw new ConnectorException(operation, status, Redact(error?.Code, token), Redact(error?.Message, token));
            }
        }
    }

    private async Task PaceAsync(string operation, string conversationId, CancellationToken cancellationToken)
    {
        var wait = rateLimiter.Reserve(conversationId);
        if (wait <= TimeSpan.Zero) return;
        logger.ConversationPaced(operation, wait.TotalMilliseconds);
        await delay.DelayAsync(wait, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri uri, string? json, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var client = httpClientFactory.CreateClient(HttpClientName);
        return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    /// <summary>Retry-After as seconds or as an HTTP date (relative to the injected clock); null when absent.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - timeProvider.GetUtcNow(),
        _ => null,
    };

    private static ErrorDetail? ParseError(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try { return JsonSerializer.Deserialize<ErrorResponse>(body, BotJson.Options)?.Error; }
        catch (JsonException) { return null; }
    }

    // The service has no reason to echo our token, but an exception message must never carry it.
    private static string? Redact(string? text, string token) =>
        text is null || token.Length == 0 ? text : text.Replace(token, "[redacted]", StringComparison.Ordinal);
}
