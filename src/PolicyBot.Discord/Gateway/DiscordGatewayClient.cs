using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicyBot.Discord.Gateway;

/// <summary>
/// Discord Gateway v10 over <see cref="System.Net.WebSockets.ClientWebSocket"/> (JSON, no compression):
/// <code>
/// connect ─► HELLO ─► heartbeats (jitter, then every interval; d = last s)
///           └► IDENTIFY (new session) or RESUME (session_id + seq, at resume_gateway_url)
/// READY / RESUMED / MESSAGE_CREATE / INTERACTION_CREATE ─► queue ─► IGatewayEventHandler (background workers)
/// drop, zombie, RECONNECT, INVALID_SESSION, close code ─► reconnect (resume when possible) │ 4004/4010-4014 ─► stop
/// </code>
/// <see cref="RunAsync"/> runs until cancelled or until Discord closes with a code that must not be retried.
/// </summary>
public sealed partial class DiscordGatewayClient(
    IOptions<DiscordOptions> options,
    IGatewayEventHandler handler,
    ILogger<DiscordGatewayClient> logger,
    GatewayClientSettings? settings = null)
{
    private readonly GatewayClientSettings _settings = settings ?? new GatewayClientSettings();
    private readonly Lock _stateLock = new();
    private string? _sessionId, _resumeGatewayUrl, _botUserId;
    private int? _lastSequence;
    private volatile bool _isConnected, _sessionEstablished;
    private int _running;

    /// <summary>The session to resume, from READY; null before READY and after the session was invalidated.</summary>
    public string? SessionId { get { lock (_stateLock) return _sessionId; } }

    /// <summary><c>resume_gateway_url</c> from READY.</summary>
    public string? ResumeGatewayUrl { get { lock (_stateLock) return _resumeGatewayUrl; } }

    /// <summary>The last <c>s</c> received; sent in heartbeats and RESUME.</summary>
    public int? LastSequence { get { lock (_stateLock) return _lastSequence; } }

    /// <summary>The bot's own user id, from READY (to ignore its own messages and detect mentions).</summary>
    public string? BotUserId { get { lock (_stateLock) return _botUserId; } }

    /// <summary>True while a connection is open with a READY or RESUMED session (for health checks).</summary>
    public bool IsConnected => _isConnected;

    /// <summary>
    /// Connects and keeps the session alive until <paramref name="cancellationToken"/> is cancelled (then the task is
    /// cancelled) or Discord closes with a fatal code (then it throws <see cref="DiscordGatewayFatalException"/>).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var config = options.Value;
        if (!config.GatewayEnabled) throw Fail(null, "Discord:Token is not set; the gateway cannot identify.");
        var gatewayUri = GatewayUri(config.GatewayUrl)
            ?? throw Fail(null, $"Discord:GatewayUrl '{config.GatewayUrl}' is not a ws:// or wss:// URL.");
        if (Interlocked.Exchange(ref _running, 1) == 1) throw new InvalidOperationException("The gateway client is already running.");
        try
        {
            await using var dispatcher = new GatewayDispatcher(handler, logger, _settings, cancellationToken);
            await ReconnectLoopAsync(config, gatewayUri, dispatcher, cancellationToken);
        }
        finally
        {
            _isConnected = false;
            Volatile.Write(ref _running, 0);
        }
    }

    private async Task ReconnectLoopAsync(DiscordOptions config, Uri gatewayUri, GatewayDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            var (sessionId, resumeUrl) = (SessionId, ResumeGatewayUrl);
            var resume = sessionId is not null;
            var uri = resume ? GatewayUri(resumeUrl) ?? gatewayUri : gatewayUri;
            logger.Connecting(uri.GetLeftPart(UriPartial.Path), resume ? "resume" : "identify");
            GatewayDisconnect disconnect;
            Exception? failure = null;
            try
            {
                disconnect = await RunConnectionAsync(config, uri, resume, dispatcher, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = ex;
                disconnect = GatewayDisconnect.Resume(ex.GetType().Name, ReconnectDelay.Backoff);
            }
            if (_sessionEstablished) (failures, _sessionEstablished) = (0, false); // backoff restarts after a good session
            if (failure is not null) logger.ConnectionFailed(failure, failures + 1);
            if (disconnect.Fatal) throw Fail(disconnect.CloseCode, disconnect.Reason);
            if (disconnect.NewSession) ForgetSession();
            var delay = disconnect.Delay switch
            {
                ReconnectDelay.Backoff => Backoff(++failures),
                ReconnectDelay.InvalidSession => _settings.MinInvalidSessionDelay
                    + (_settings.MaxInvalidSessionDelay - _settings.MinInvalidSessionDelay) * _settings.Random.NextDouble(),
                _ => TimeSpan.Zero,
            };
            logger.Reconnecting(disconnect.Reason, SessionId is null ? "identify" : "resume", (long)delay.TotalMilliseconds);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, _settings.TimeProvider, cancellationToken);
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var ticks = _settings.InitialReconnectDelay.Ticks * Math.Pow(2, Math.Min(failures - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(ticks, _settings.MaxReconnectDelay.Ticks));
    }

    private DiscordGatewayFatalException Fail(int? closeCode, string problem)
    {
        logger.Fatal(closeCode, problem);
        return new DiscordGatewayFatalException(closeCode, problem);
    }

    private void ForgetSession()
    {
        lock (_stateLock) (_sessionId, _resumeGatewayUrl, _lastSequence) = (null, null, null);
    }

    /// <summary><c>{url}/?v=10&amp;encoding=json</c>, keeping any path; null unless ws:// or wss://.</summary>
    internal static Uri? GatewayUri(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss")) return null;
        return new UriBuilder(uri) { Query = "v=10&encoding=json", Fragment = "" }.Uri;
    }
}
