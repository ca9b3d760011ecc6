using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Teams.Connector;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Connector;

/// <summary>
/// A real Kestrel server on 127.0.0.1 playing both the token endpoint and the Connector, and the client wired through
/// <c>AddTeamsConnector()</c> with a fake clock and a recording delay.
/// </summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    public const string AppId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
    public const string AppPassword = "s3cr~t+/=Zz-never-logged";
    public const string TokenPath = "/botframework.com/oauth2/v2.0/token";

    private readonly ConcurrentQueue<ScriptedResponse> _connectorScript = new();
    private readonly List<CapturedRequest> _tokenRequests = [];
    private readonly List<CapturedRequest> _connectorRequests = [];
    private int _tokensIssued;
    private int _connectorCount;
    private LoopbackServer? _server;
    private ServiceProvider? _services;

    private ConnectorHarness() => Delay = new FakeDelay(Clock);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    public FakeDelay Delay { get; }
    public ListLoggerProvider Logs { get; } = new();
    public Uri Address => _server!.Address;
    public IServiceProvider Services => _services!;
    public IConnectorClient Client => Services.GetRequiredService<IConnectorClient>();

    /// <summary>A Teams-like serviceUrl on the loopback server, keeping a path segment (<c>/amer/</c>).</summary>
    public string ServiceUrl => new Uri(Address, "amer/").ToString();

    /// <summary>Real-time pause before the token endpoint answers, so concurrent callers overlap.</summary>
    public TimeSpan TokenLatency { get; set; }

    /// <summary>Token endpoint answer; default: the fixture's shape with access_token "token-N", valid for an hour.</summary>
    public Func<int, ScriptedResponse> TokenResponder { get; set; } =
        n => new(200, $$"""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"token-{{n}}"}""");

    public IReadOnlyList<CapturedRequest> TokenRequests { get { lock (_tokenRequests) return [.. _tokenRequests]; } }
    public IReadOnlyList<CapturedRequest> ConnectorRequests { get { lock (_connectorRequests) return [.. _connectorRequests]; } }

    public static async Task<ConnectorHarness> StartAsync(Action<TeamsOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var harness = new ConnectorHarness();
        harness._server = await LoopbackServer.StartAsync(harness.HandleAsync);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(harness.Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(harness.Clock);
        services.AddSingleton<IConnectorDelay>(harness.Delay);
        services.AddSingleton(new LoopbackAddress(harness.Address));
        services.Configure<TeamsOptions>(options =>
        {
            options.AppId = AppId;
            options.AppPassword = AppPassword;
            options.TokenEndpoint = new Uri(harness.Address, TokenPath.TrimStart('/')).ToString();
            configure?.Invoke(options);
        });
        services.AddTeamsConnector();
        configureServices?.Invoke(services);
        harness._services = services.BuildServiceProvider(validateScopes: true);
        return harness;
    }

    /// <summary>Queues answers for the next Connector requests; afterwards every request gets 200 {"id":"activity-N"}.</summary>
    public void Script(params ScriptedResponse[] responses)
    {
        foreach (var response in responses) _connectorScript.Enqueue(response);
    }

    /// <summary>Fails when the client secret or any issued token appears in a log line.</summary>
    public void AssertNoSecretsLogged()
    {
        var secrets = Enumerable.Range(1, Volatile.Read(ref _tokensIssued)).Select(n => $"token-{n}").Append(AppPassword).ToList();
        Assert.All(Logs.Entries, entry => Assert.DoesNotContain(secrets, secret => entry.Text.Contains(secret, StringComparison.Ordinal)));
    }

    private async Task HandleAsync(HttpContext context, string body)
    {
        var request = new CapturedRequest(
            context.Request.Method,
            context.Features.Get<IHttpRequestFeature>()!.RawTarget,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);

        ScriptedResponse response;
        if (request.RawTarget.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            lock (_tokenRequests) _tokenRequests.Add(request);
            if (TokenLatency > TimeSpan.Zero) await Task.Delay(TokenLatency);
            response = TokenResponder(Interlocked.Increment(ref _tokensIssued));
        }
        else
        {
            lock (_connectorRequests) _connectorRequests.Add(request);
            var n = Interlocked.Increment(ref _connectorCount);
            response = _connectorScript.TryDequeue(out var scripted) ? scripted : ScriptedResponse.Ok($"activity-{n}");
        }

        if (response.HoldUntil is { } hold) await hold;
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        if (response.Body is { } text)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(text);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>The loopback server's base address, for handlers configured through DI.</summary>
internal sealed record LoopbackAddress(Uri Value);
