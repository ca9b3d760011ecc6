using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Server;

/// <summary>
/// Everything of the Bot Framework the bot talks to, on one loopback server: OpenID metadata and signing keys (with
/// endorsements), the AAD token endpoint, and the Connector. It also mints channel tokens with its key.
/// </summary>
public sealed class FakeTeamsChannel : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    private readonly RSA _rsa = RSA.Create(2048);
    private LoopbackServer _server = null!;

    public Uri Address => _server.Address;
    public string ServiceUrl => new Uri(_server.Address, "/amer/").ToString();
    public IReadOnlyList<RecordedRequest> ConnectorRequests
    {
        get { lock (_server.Requests) return _server.Requests.Where(r => r.PathAndQuery.Contains("/v3/conversations", StringComparison.Ordinal)).ToList(); }
    }
    /// <summary>Roster roles by user id, answered on GET .../members/{userId} as a TeamsChannelAccount; others get 404.</summary>
    public Dictionary<string, string> Roles { get; } = new(StringComparer.Ordinal);

    public int TokenRequests
    {
        get { lock (_server.Requests) return _server.Requests.Count(r => r.PathAndQuery == "/token"); }
    }

    public static async Task<FakeTeamsChannel> StartAsync()
    {
        var channel = new FakeTeamsChannel();
        channel._server = await LoopbackServer.StartAsync(channel.HandleAsync);
        return channel;
    }

    private Task HandleAsync(HttpContext context, string body)
    {
        context.Response.ContentType = "application/json";
        var path = context.Request.Path.Value!;
        var baseUrl = $"http://{context.Request.Host}";
        if (path == "/openidconfiguration")
            return context.Response.WriteAsync(new JsonObject
            {
                ["issuer"] = Issuer, ["authorization_endpoint"] = "https://invalid.botframework.com", ["jwks_uri"] = baseUrl + "/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"), ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            }.ToJsonString());
        if (path == "/keys")
        {
            var p = _rsa.ExportParameters(false);
            return context.Response.WriteAsync(new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["kid"] = "test-key", ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                    ["endorsements"] = new JsonArray("msteams", "emulator"),
                }),
            }.ToJsonString());
        }
        if (path == "/token")
            return context.Response.WriteAsync("""{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"connector-access-token"}""");
        if (context.Request.Method == "GET" && path.Contains("/v3/conversations/", StringComparison.Ordinal) && path.Contains("/members/", StringComparison.Ordinal))
        {
            var userId = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
            if (!Roles.TryGetValue(userId, out var role))
            {
                context.Response.StatusCode = 404;
                return context.Response.WriteAsync("""{"error":{"code":"MemberNotFoundInConversation","message":"The member is not in the conversation."}}""");
            }
            return context.Response.WriteAsync(new JsonObject { ["id"] = userId, ["name"] = "Member", ["tenantId"] = "50612dbb-0237-4969-b378-8d42590f9c00", ["userRole"] = role }.ToJsonString());
        }
        if (path.Contains("/v3/conversations", StringComparison.Ordinal))
            return context.Response.WriteAsync("""{"id":"1:reply-activity"}""");
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    /// <summary>A channel → bot token as the Bot Framework issues it.</summary>
    public string MintToken(string appId, string serviceUrl, string? issuer = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = appId,
            Expires = DateTime.UtcNow.AddHours(1),
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
        });

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _rsa.Dispose();
    }
}
