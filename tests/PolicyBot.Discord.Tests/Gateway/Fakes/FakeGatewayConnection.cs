using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Tests.Gateway.Fakes;

/// <summary>A frame the client sent, in arrival order.</summary>
internal sealed record ReceivedFrame(int Index, string Json, GatewayPayload Payload)
{
    public int Op => Payload.Op;
    public System.Text.Json.JsonElement D => Payload.D ?? default;
}

/// <summary>The server side of one client connection.</summary>
internal sealed class FakeGatewayConnection(WebSocket socket, HttpContext context, int number)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly List<ReceivedFrame> _frames = [];
    private readonly TaskCompletionSource<int?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _ackHeartbeats = true;

    /// <summary>0 for the first connection the server accepted, 1 for the next, ...</summary>
    public int Number { get; } = number;

    public string Path { get; } = context.Request.Path.Value ?? "";

    public string Query { get; } = context.Request.QueryString.Value ?? "";

    /// <summary>Set to false to play a zombied gateway that stops answering heartbeats.</summary>
    public bool AckHeartbeats { get => _ackHeartbeats; set => _ackHeartbeats = value; }

    /// <summary>Completes when the connection ends: with the code of the client's close frame, or null if it just dropped.</summary>
    public Task<int?> Closed => _closed.Task;

    public IReadOnlyList<ReceivedFrame> Frames
    {
        get { lock (_frames) return [.. _frames]; }
    }

    public async Task SendAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendOpAsync(int op, string d = "null") => SendAsync($$$"""{"op":{{{op}}},"d":{{{d}}}}""");

    public Task SendDispatchAsync(string eventName, int sequence, string d) =>
        SendAsync($$$"""{"op":0,"s":{{{sequence}}},"t":"{{{eventName}}}","d":{{{d}}}}""");

    public Task SendReadyAsync(int sequence, string sessionId, string resumeUrl, string botUserId = "80351110224678912") =>
        SendDispatchAsync("READY", sequence, $$"""
            {"v":10,"user":{"id":"{{botUserId}}","username":"PolicyBot","bot":true},"guilds":[],
             "session_id":"{{sessionId}}","resume_gateway_url":"{{resumeUrl}}","shard":[0,1],"application":{"id":"1","flags":0}
            }
            """);

    /// <summary>Sends a close frame with <paramref name="code"/>; the client's answer ends the connection.</summary>
    public async Task CloseAsync(int code, string description)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, description, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort()
    {
        if (Closed.IsCompleted) return;
        try
        {
            context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request ended meanwhile.
        }
    }

    /// <summary>Waits (up to <see cref="FakeGateway.Timeout"/>) for a frame after index <paramref name="after"/> that matches.</summary>
    public async Task<ReceivedFrame> WaitForAsync(Func<ReceivedFrame, bool> match, string what, int after = -1)
    {
        using var timeout = new CancellationTokenSource(FakeGateway.Timeout);
        while (true)
        {
            Task changed;
            lock (_frames)
            {
                if (_frames.FirstOrDefault(f => f.Index > after && match(f)) is { } found) return found;
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Connection {Number} got no {what} within {FakeGateway.Timeout.TotalSeconds} s; frames: "
                    + string.Join(" ", Frames.Select(f => f.Json)));
            }
        }
    }

    public Task<ReceivedFrame> WaitForOpAsync(int op, int after = -1) => WaitForAsync(f => f.Op == op, $"op {op}", after);

    /// <summary>Receives until the client closes or drops: records frames and ACKs heartbeats.</summary>
    internal async Task RunAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _closed.TrySetResult((int?)result.CloseStatus);
                    if (socket.State == WebSocketState.CloseReceived)
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var json = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                var payload = DiscordJson.Deserialize<GatewayPayload>(json);
                Record(json, payload);
                if (payload.Op == GatewayOpcode.Heartbeat && AckHeartbeats) await SendOpAsync(GatewayOpcode.HeartbeatAck);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ConnectionAbortedException)
        {
            // The client dropped the connection (or the test aborted it).
        }
        finally
        {
            _closed.TrySetResult(null);
        }
    }

    private void Record(string json, GatewayPayload payload)
    {
        lock (_frames)
        {
            _frames.Add(new ReceivedFrame(_frames.Count, json, payload));
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }
}
