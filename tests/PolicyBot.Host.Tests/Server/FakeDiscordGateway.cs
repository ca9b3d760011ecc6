using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Host.Tests.Server;

/// <summary>
/// A loopback Discord gateway speaking the documented frames: HELLO, HEARTBEAT_ACK, READY, then the dispatches a test queues.
/// It records what the client sends (IDENTIFY, heartbeats).
/// </summary>
public sealed class FakeDiscordGateway : IAsyncDisposable
{
    public const string BotUserId = "1100000000000000001";
    private readonly WebApplication _app;
    private readonly System.Threading.Channels.Channel<JsonObject> _dispatches = System.Threading.Channels.Channel.CreateUnbounded<JsonObject>();
    private int _sequence;

    private FakeDiscordGateway(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";
    public List<JsonNode> Received { get; } = [];
    public TaskCompletionSource Identified { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeDiscordGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var gateway = new FakeDiscordGateway(app);
        app.UseWebSockets();
        app.Run(gateway.HandleAsync);
        await app.StartAsync();
        gateway.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("http://", "ws://", StringComparison.Ordinal);
        return gateway;
    }

    public void Dispatch(string type, JsonObject data) => _dispatches.Writer.TryWrite(new JsonObject { ["t"] = type, ["d"] = data });

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest) { context.Response.StatusCode = 400; return; }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await SendAsync(socket, new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = 41250 } });
        var receive = ReceiveLoopAsync(socket);
        await Identified.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await SendDispatchAsync(socket, "READY", new JsonObject
        {
            ["v"] = 10, ["session_id"] = "fake-session", ["resume_gateway_url"] = Url,
            ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = "PolicyBot", ["bot"] = true },
        });
        try
        {
            await foreach (var dispatch in _dispatches.Reader.ReadAllAsync(context.RequestAborted))
                await SendDispatchAsync(socket, dispatch["t"]!.GetValue<string>(), dispatch["d"]!.AsObject());
        }
        catch (OperationCanceledException) { }
        await receive;
    }

    private async Task ReceiveLoopAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        while (socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult result;
            try { result = await socket.ReceiveAsync(buffer, CancellationToken.None); }
            catch (WebSocketException) { return; }
            if (result.MessageType == WebSocketMessageType.Close) return;
            var frame = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!;
            lock (Received) Received.Add(frame);
            switch (frame["op"]!.GetValue<int>())
            {
                case 2: Identified.TrySetResult(); break;
                case 1: await SendAsync(socket, new JsonObject { ["op"] = 11 }); break;
            }
        }
    }

    private Task SendDispatchAsync(WebSocket socket, string type, JsonObject data) =>
        SendAsync(socket, new JsonObject { ["op"] = 0, ["t"] = type, ["s"] = Interlocked.Increment(ref _sequence), ["d"] = data.DeepClone() });

    private readonly SemaphoreSlim _send = new(1, 1);

    private async Task SendAsync(WebSocket socket, JsonObject frame)
    {
        await _send.WaitAsync();
        try { await socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None); }
        finally { _send.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        _dispatches.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
