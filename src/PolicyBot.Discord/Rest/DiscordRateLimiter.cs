using System.Net;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Telemetry;

namespace PolicyBot.Discord.Rest;

/// <summary>
/// Discord's REST rate limits for one bot token. Register as a singleton: the state (learned buckets, a global pause,
/// the 50 requests/s window, a rejected token) must outlive the transient <see cref="DiscordRestClient"/>s.
/// <code>
/// SendAsync ─► bucket gate (one request per bucket) ─► wait for bucket reset ─► [bot routes] global pause, 50/s window
///           ─► send ─► learn X-RateLimit-* ─► 429: pause bucket (or everything, if global), retry up to MaxRetries
/// </code>
/// </summary>
public sealed partial class DiscordRateLimiter
{
    public const int DefaultRequestsPerSecond = 50;
    public const int DefaultMaxRetries = 5;

    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly GlobalRateWindow _window;
    private readonly long _origin;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private TimeSpan _globalPauseUntil;
    private bool _tokenRejected;

    public DiscordRateLimiter(TimeProvider timeProvider, ILogger<DiscordRateLimiter> logger)
        : this(timeProvider, (ILogger)logger)
    {
    }

    internal DiscordRateLimiter(TimeProvider timeProvider, ILogger logger, int requestsPerSecond = DefaultRequestsPerSecond, int maxRetries = DefaultMaxRetries)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        _timeProvider = timeProvider;
        _logger = logger;
        _window = new GlobalRateWindow(requestsPerSecond, TimeSpan.FromSeconds(1));
        _origin = timeProvider.GetTimestamp();
        MaxRetries = maxRetries;
    }

    public int MaxRetries { get; }

    /// <summary>Time left in a global pause (zero when there is none); for tests and diagnostics.</summary>
    internal TimeSpan GlobalPauseRemaining
    {
        get
        {
            lock (_lock) return _globalPauseUntil > Now ? _globalPauseUntil - Now : TimeSpan.Zero;
        }
    }

    private TimeSpan Now => _timeProvider.GetElapsedTime(_origin);

    /// <summary>
    /// Sends through the limits, retrying on 429 (waiting as told) up to <see cref="MaxRetries"/> times. Returns the first
    /// response that is not a 429, success or not; throws <see cref="DiscordApiException"/> when the retries run out, and
    /// without sending when an earlier bot request's token was rejected with 401.
    /// </summary>
    internal async Task<DiscordResponse> SendAsync(DiscordRoute route, Func<CancellationToken, Task<DiscordResponse>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(send);
        for (var retry = 0; ; retry++)
        {
            DiscordResponse response;
            var bucket = await AcquireAsync(route, cancellationToken);
            try
            {
                ThrowIfTokenRejected(route);
                response = await send(cancellationToken);
                Observe(route, bucket, response, retry);
            }
            finally
            {
                Release(bucket);
            }

            if (response.StatusCode != HttpStatusCode.TooManyRequests) return response;
            if (retry >= MaxRetries)
            {
                var scope = response.ReadRateLimit().Scope;
                _logger.RetriesExhausted(route.Key, MaxRetries, scope);
                throw DiscordApiException.FromResponse(response.StatusCode, route.Key, response.Body,
                    $"Discord API {route.Key} was still rate limited (scope {scope}) after {MaxRetries} retries");
            }
        }
    }

    private void ThrowIfTokenRejected(DiscordRoute route)
    {
        if (route.Kind == DiscordRouteKind.Bot && Volatile.Read(ref _tokenRejected))
            throw new DiscordApiException(
                $"Discord API {route.Key} not sent: Discord rejected the bot token earlier (401). Fix {DiscordOptions.Section}:Token and restart.",
                HttpStatusCode.Unauthorized, route.Key);
    }

    /// <summary>Learns the bucket from the headers; on 429 pauses the bucket, or every bot request when the limit is global.</summary>
    private void Observe(DiscordRoute route, RateLimitBucket leased, DiscordResponse response, int retry)
    {
        var headers = response.RateLimit;
        lock (_lock)
        {
            var now = Now;
            if (headers.Bucket is { } hash && (!_hashes.TryGetValue(route.Key, out var known) || known != hash))
            {
                _hashes[route.Key] = hash;
                _logger.BucketLearned(route.Key, hash);
            }

            var bucket = GetOrAddBucket(KeyOf(route));
            if (headers.Remaining is { } remaining) bucket.Remaining = remaining;
            if (headers.ResetAfter is { } resetAfter && response.StatusCode != HttpStatusCode.TooManyRequests)
                bucket.ResetAt = now + TimeSpan.FromSeconds(resetAfter);

            if (response.StatusCode == HttpStatusCode.Unauthorized && route.Kind == DiscordRouteKind.Bot && !_tokenRejected)
            {
                Volatile.Write(ref _tokenRejected, true);
                _logger.TokenRejected(route.Key);
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                PolicyBotTelemetry.RecordPlatformApiError(DiscordRestClient.Platform, (int)HttpStatusCode.TooManyRequests);
                OnTooManyRequests(route, bucket, response, retry, now);
            }

            // A newly learned hash bucket that nobody waits on and that has requests left is not worth keeping.
            if (!ReferenceEquals(bucket, leased) && bucket.IsIdle(now)) _buckets.Remove(bucket.Key);
        }
    }

    /// <summary>Call under the lock.</summary>
    private void OnTooManyRequests(DiscordRoute route, RateLimitBucket bucket, DiscordResponse response, int retry, TimeSpan now)
    {
        var (retryAfter, global, scope) = response.ReadRateLimit();
        if (retry < MaxRetries) _logger.RateLimited(route.Key, scope, retryAfter.TotalSeconds, retry + 1, MaxRetries);
        if (global && !route.IsInteraction)
        {
            if (now + retryAfter > _globalPauseUntil) _globalPauseUntil = now + retryAfter;
            _logger.GlobalPauseStarted(route.Key, retryAfter.TotalSeconds);
        }
        else
        {
            // user and shared scopes both hold this bucket (the resource) until retry_after has passed.
            bucket.Remaining = 0;
            bucket.ResetAt = now + retryAfter;
        }
    }
}
