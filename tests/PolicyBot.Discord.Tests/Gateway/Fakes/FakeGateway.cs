using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Discord.Tests.Gateway.Fakes;

/// <summary>
/// A Discord gateway on a real Kestrel server at 127.0.0.1: every WebSocket connection gets HELLO, heartbeats are
/// ACKed (unless switched off per connection), frames are recorded; the test scripts everything else.
/// </summary>
internal sealed class FakeGateway : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Channel<FakeGatewayConnection> _arrivals = Channel.CreateUnbounded<FakeGatewayConnection>();
    private readonly List<FakeGatewayConnection> _connections = [];
    private WebApplication? _app;

    private FakeGateway() { }

    /// <summary>ws://127.0.0.1:{port}; connections here are "gateway" connections.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>What READY advertises as resume_gateway_url: the same server under /resume.</summary>
    public string ResumeUrl => new Uri(Url, "/resume").ToString();

    /// <summary>heartbeat_interval sent in HELLO; long by default so only the first (jitter 0) beat happens.</summary>
    public int HeartbeatIntervalMs { get; set; } = 60_000;

    public int ConnectionCount
    {
        get { lock (_connections) return _connections.Count; }
    }

    public static async Task<FakeGateway> StartAsync()
    {
        var gateway = new FakeGateway();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(gateway.AcceptAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        (gateway._app, gateway.Url) = (app, new UriBuilder(address) { Scheme = "ws" }.Uri);
        return gateway;
    }

    /// <summary>The next connection the client opens (in order), after HELLO was sent to it.</summary>
    public async Task<FakeGatewayConnection> NextConnectionAsync() => await _arrivals.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        lock (_connections)
            foreach (var connection in _connections) connection.Abort();
        if (_app is null) return;
        using var stop = new CancellationTokenSource(Timeout);
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        FakeGatewayConnection connection;
        lock (_connections)
        {
            connection = new FakeGatewayConnection(socket, context, _connections.Count);
            _connections.Add(connection);
        }
        await connection.SendAsync($$$"""{"op":10,"d":{"heartbeat_interval":{{{HeartbeatIntervalMs}}}}}""");
        _arrivals.Writer.TryWrite(connection);
        await connection.RunAsync();
    }
}
