using System.Net;

namespace PolicyBot.Teams.Connector;

/// <summary>
/// Retries for Connector calls: 429, 412 and 5xx (Teams' rate-limit guidance), waiting <c>Retry-After</c> when the service
/// sends it and exponential back-off with jitter otherwise.
/// </summary>
public sealed record ConnectorRetryPolicy
{
    public static ConnectorRetryPolicy Default { get; } = new();

    /// <summary>Retries after the first attempt (so at most MaxRetries + 1 requests).</summary>
    public int MaxRetries { get; init; } = 3;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A <c>Retry-After</c> longer than this is not waited for: the call fails with the 429 instead.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Back-off is stretched by a random 0..JitterFraction so callers that failed together do not retry together.</summary>
    public double JitterFraction { get; init; } = 0.2;

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
        || ((int)status >= 500 && status is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported);

    /// <summary>How long to wait before retry number <paramref name="retry"/> (0-based), or null when the server asked for too long.</summary>
    public TimeSpan? GetDelay(int retry, TimeSpan? retryAfter, Random? random = null)
    {
        if (retryAfter is { } asked) return asked <= MaxRetryAfter ? (asked < TimeSpan.Zero ? TimeSpan.Zero : asked) : null;

        var exponential = BaseDelay * Math.Pow(2, Math.Min(retry, 16));
        var jittered = exponential * (1 + JitterFraction * (random ?? Random.Shared).NextDouble());
        return jittered < MaxDelay ? jittered : MaxDelay;
    }
}
