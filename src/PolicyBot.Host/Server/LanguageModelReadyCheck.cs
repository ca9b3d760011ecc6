using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PolicyBot.Ai.Chat;

namespace PolicyBot.Host.Server;

/// <summary>
/// Ready when the OpenAI-compatible chat endpoint answers GET {endpoint}/models within a short timeout. The result is kept
/// for a few seconds so frequent probes do not hammer the model server. Only registered when Provider is openai.
/// </summary>
internal sealed class LanguageModelReadyCheck(IHttpClientFactory httpClientFactory, IOptions<ChatOptions> options, TimeProvider time) : IHealthCheck
{
    public const string HttpClientName = "policybot-readiness";
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _probe = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _probe.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } last && time.GetUtcNow() - last.At < CacheFor) return last.Result;
            var result = await ProbeAsync(cancellationToken);
            _last = (result, time.GetUtcNow());
            return result;
        }
        finally { _probe.Release(); }
    }

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var chat = options.Value;
        var endpoint = new Uri(chat.Endpoint!.TrimEnd('/') + "/models");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
            if (!string.IsNullOrEmpty(chat.ApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chat.ApiKey);
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => HealthCheckResult.Unhealthy($"The language model endpoint rejected the API key ({(int)response.StatusCode})."),
                >= HttpStatusCode.InternalServerError => HealthCheckResult.Unhealthy($"The language model endpoint answered {(int)response.StatusCode}."),
                // Some compatible servers have no /models route; a 404 still proves the server is up.
                _ => HealthCheckResult.Healthy("The language model endpoint is reachable."),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The language model endpoint did not answer within {ProbeTimeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy($"The language model endpoint is not reachable ({ex.HttpRequestError}).");
        }
    }
}
