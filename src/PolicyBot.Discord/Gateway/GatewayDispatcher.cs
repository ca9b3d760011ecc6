using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Discord.Gateway;

/// <summary>One parsed event waiting for the handler.</summary>
internal sealed record GatewayDispatch(string EventName, Func<IGatewayEventHandler, CancellationToken, Task> Invoke);

/// <summary>
/// Hands events to <see cref="IGatewayEventHandler"/> on a few background workers through a bounded queue, so the
/// receive loop (and with it HEARTBEAT_ACK handling) never waits for a handler. Handler exceptions are logged.
/// </summary>
internal sealed class GatewayDispatcher : IAsyncDisposable
{
    private readonly Channel<GatewayDispatch> _queue;
    private readonly IGatewayEventHandler _handler;
    private readonly ILogger _logger;
    private readonly int _capacity;
    private readonly Task[] _workers;

    public GatewayDispatcher(IGatewayEventHandler handler, ILogger logger, GatewayClientSettings settings, CancellationToken cancellationToken)
    {
        (_handler, _logger, _capacity) = (handler, logger, Math.Max(1, settings.DispatchQueueCapacity));
        _queue = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(_capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of blocking; Enqueue logs the drop
            SingleWriter = true,
        });
        _workers = Enumerable.Range(0, Math.Max(1, settings.HandlerConcurrency))
            .Select(_ => Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None))
            .ToArray();
    }

    public void Enqueue(GatewayDispatch dispatch)
    {
        if (!_queue.Writer.TryWrite(dispatch)) _logger.DispatchDropped(dispatch.EventName, _capacity);
    }

    /// <summary>Lets queued events finish (or be cancelled with the client's token), then returns.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_workers);
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var dispatch in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    await dispatch.Invoke(_handler, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    _logger.HandlerFailed(ex, dispatch.EventName);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client is stopping; events still queued are dropped.
        }
    }
}
