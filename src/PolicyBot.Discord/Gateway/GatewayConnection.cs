using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Gateway;

/// <summary>
/// One WebSocket connection to the gateway: framing, serialised sends under the send limit, the heartbeat loop and
/// client-initiated closes. Its own token (<see cref="Token"/>) bounds every operation on it; the caller's token only
/// starts a graceful close (1000), so shutdown says goodbye to Discord instead of dropping the socket.
/// </summary>
internal sealed partial class GatewayConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly GatewayClientSettings _settings;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _cts = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly GatewaySendLimiter _limiter;
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly CancellationTokenRegistration _shutdown;
    private GatewayDisconnect? _requested;
    private Task _closing = Task.CompletedTask;
    private Task _heartbeat = Task.CompletedTask;

    private GatewayConnection(ClientWebSocket socket, GatewayClientSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        (_socket, _settings, _logger) = (socket, settings, logger);
        _limiter = new GatewaySendLimiter(settings.TimeProvider, settings.SendLimit, settings.SendWindow, settings.SendsReservedForHeartbeats);
        _shutdown = cancellationToken.Register(() =>
            RequestClose(WebSocketCloseStatus.NormalClosure, "shutting down", GatewayDisconnect.StartOver("shutting down", ReconnectDelay.None)));
    }

    public CancellationToken Token => _cts.Token;

    /// <summary>Set once the client has started closing this connection; says what to do next.</summary>
    public GatewayDisconnect? RequestedDisconnect => Volatile.Read(ref _requested);

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseStatusDescription => _socket.CloseStatusDescription;

    public static async Task<GatewayConnection> ConnectAsync(Uri uri, GatewayClientSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // gateway heartbeats do this job
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.ConnectTimeout);
            await socket.ConnectAsync(uri, timeout.Token);
            return new GatewayConnection(socket, settings, logger, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The next whole message (valid until the next call), or null when the peer sent a close frame.</summary>
    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync()
    {
        _buffer.ResetWrittenCount();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.GetMemory(8 * 1024), _cts.Token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            _buffer.Advance(result.Count);
            if (result.EndOfMessage) return _buffer.WrittenMemory;
        }
    }

    public async Task SendAsync<T>(GatewayCommand<T> command, bool isHeartbeat = false)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(command, DiscordJson.Options);
        var waited = await _limiter.WaitAsync(isHeartbeat, _cts.Token);
        if (waited > TimeSpan.Zero) _logger.SendThrottled((long)waited.TotalMilliseconds);
        await _sendLock.WaitAsync(_cts.Token);
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _cts.Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Starts closing with <paramref name="status"/> (the first request wins) and keeps receiving until Discord answers
    /// the close or <see cref="GatewayClientSettings.CloseTimeout"/> passes, after which the socket is dropped.
    /// </summary>
    public void RequestClose(WebSocketCloseStatus status, string description, GatewayDisconnect disconnect)
    {
        if (Interlocked.CompareExchange(ref _requested, disconnect, null) is not null) return;
        try
        {
            _cts.CancelAfter(_settings.CloseTimeout);
        }
        catch (ObjectDisposedException)
        {
            return; // already disposed: nothing left to close
        }
        _closing = SendCloseAsync(status, description);
    }

    /// <summary>After a close frame from Discord: answer it so the handshake completes (best effort).</summary>
    public async Task AcknowledgeCloseAsync()
    {
        using var timeout = new CancellationTokenSource(_settings.CloseTimeout);
        try
        {
            if (_socket.State == WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer already went away; nothing to acknowledge.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _shutdown.DisposeAsync(); // waits for a shutdown close that is being requested right now
        await _cts.CancelAsync();
        await _heartbeat; // never throws; awaited before reading _closing, which a zombie check may set
        await _closing; // never throws
        _socket.Dispose();
        _sendLock.Dispose();
        _cts.Dispose();
    }

    private async Task SendCloseAsync(WebSocketCloseStatus status, string description)
    {
        try
        {
            await _sendLock.WaitAsync(_cts.Token);
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await _socket.CloseOutputAsync(status, description, _cts.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) // best effort: any failure just drops the socket
        {
            _logger.CloseIncomplete(ex, description);
            _socket.Abort();
        }
    }
}
