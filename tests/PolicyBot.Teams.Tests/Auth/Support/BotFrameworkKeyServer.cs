using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Auth.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 standing in for login.botframework.com: <c>/openidconfiguration</c>
/// (jwks_uri pointing back here) and <c>/keys</c>. Keys can be swapped (rotation) and the server made to fail (outage).
/// </summary>
internal sealed class BotFrameworkKeyServer : IAsyncDisposable
{
    public const string MetadataPath = "/openidconfiguration", KeysPath = "/keys";

    private readonly LoopbackServer _server;
    private readonly State _state;

    private BotFrameworkKeyServer(LoopbackServer server, State state) => (_server, _state) = (server, state);

    public Uri MetadataUrl => new(_server.Address, MetadataPath);

    /// <summary>When false, both documents answer 503.</summary>
    public bool Available { get => _state.Available; set => _state.Available = value; }

    public int KeysRequestCount => CountRequests(KeysPath);

    public int MetadataRequestCount => CountRequests(MetadataPath);

    public static async Task<BotFrameworkKeyServer> StartAsync(params JwksEntry[] keys)
    {
        var state = new State { Keys = keys.Length == 0 ? TestSigningKeys.DefaultJwks() : keys };
        var server = await LoopbackServer.StartAsync((context, _) => HandleAsync(context, state));
        return new BotFrameworkKeyServer(server, state);
    }

    public void SetKeys(params JwksEntry[] keys) => _state.Keys = keys;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private int CountRequests(string path)
    {
        lock (_server.Requests) return _server.Requests.Count(r => r.PathAndQuery == path);
    }

    private static Task HandleAsync(HttpContext context, State state)
    {
        if (!state.Available)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        }

        JsonObject? document = context.Request.Path.Value switch
        {
            MetadataPath => new JsonObject
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = $"http://{context.Request.Host}{KeysPath}",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            },
            KeysPath => new JsonObject { ["keys"] = new JsonArray([.. state.Keys.Select(k => k.ToJson())]) },
            _ => null,
        };
        if (document is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(document.ToJsonString());
    }

    private sealed class State
    {
        public bool Available { get; set; } = true;
        public JwksEntry[] Keys { get; set; } = [];
    }
}
