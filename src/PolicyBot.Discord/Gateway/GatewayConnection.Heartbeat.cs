using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Gateway;

internal sealed partial class GatewayConnection
{
    private int _awaitingAck;

    /// <summary>
    /// Starts heartbeating after HELLO: the first beat after interval × jitter (0..1), then every interval. A beat
    /// that finds the previous one un-acknowledged means the connection is zombied: close with 4000 and resume.
    /// </summary>
    public void StartHeartbeat(TimeSpan interval, Func<int?> lastSequence)
    {
        if (!_heartbeat.IsCompleted) return; // a second HELLO changes nothing
        _heartbeat = HeartbeatLoopAsync(interval, lastSequence, _cts.Token);
    }

    public void OnHeartbeatAck() => Volatile.Write(ref _awaitingAck, 0);

    /// <summary>Sends a heartbeat now (Discord sent op 1, or the timer fired).</summary>
    public async Task SendHeartbeatAsync(int? sequence)
    {
        await SendAsync(new GatewayCommand<int?>(GatewayOpcode.Heartbeat, sequence), isHeartbeat: true);
        _logger.HeartbeatSent(sequence);
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval, Func<int?> lastSequence, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval * _settings.Random.NextDouble(), _settings.TimeProvider, cancellationToken);
            while (true)
            {
                if (Interlocked.Exchange(ref _awaitingAck, 1) == 1)
                {
                    _logger.Zombied(GatewayCloseCodes.ClientResumable);
                    RequestClose((WebSocketCloseStatus)GatewayCloseCodes.ClientResumable, "zombied connection",
                        GatewayDisconnect.Resume("no HEARTBEAT_ACK (zombied connection)", ReconnectDelay.None));
                    return;
                }
                await SendHeartbeatAsync(lastSequence());
                await Task.Delay(interval, _settings.TimeProvider, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The connection is going away.
        }
        catch (Exception ex)
        {
            _logger.HeartbeatFailed(ex);
            _socket.Abort(); // the receive loop then fails and the client reconnects
        }
    }
}
