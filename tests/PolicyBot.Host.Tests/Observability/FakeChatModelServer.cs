using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Host.Tests.Observability;

/// <summary>
/// A stand-in OpenAI-compatible server on a fixed 127.0.0.1 port (GET /v1/models, POST /v1/chat/completions in the real wire
/// format) that a test can stop and start again on the same port, as a model server restarting would.
/// </summary>
public sealed class FakeChatModelServer : IAsyncDisposable
{
    private WebApplication? _app;

    public FakeChatModelServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}/v1";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        var app = builder.Build();
        app.MapGet("/v1/models", () => Results.Json(new { @object = "list", data = new[] { new { id = "test-model", @object = "model", created = 1764460800, owned_by = "test" } } }));
        app.MapPost("/v1/chat/completions", () => Results.Text(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-9", @object = "chat.completion", created = 1764460800, model = "test-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = "The CRMA sets benchmarks for extraction, processing and recycling [1]." }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
        }), "application/json"));
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
