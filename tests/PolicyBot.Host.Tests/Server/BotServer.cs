using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Host.Server;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Server;

/// <summary>The real `policybot serve` app on 127.0.0.1:0, over a temporary data folder with three policy documents.</summary>
public sealed class BotServer : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private WebApplication _app = null!;

    public Uri Address { get; private set; } = null!;
    public IServiceProvider Services => _app.Services;

    public static async Task<BotServer> StartAsync(IDictionary<string, string?> settings)
    {
        var server = new BotServer();
        var docs = server._temp.File("docs");
        Directory.CreateDirectory(docs);
        foreach (var id in new[] { "cn-announcement-58-2025-lithium-battery-graphite-anode", "cn-announcement-70-2025-suspension", "eu-critical-raw-materials-act-2024" })
            File.Copy(Path.Combine(RepositoryPaths.Root, "data", "policies", id + ".md"), Path.Combine(docs, id + ".md"));
        var all = new Dictionary<string, string?>
        {
            ["PolicyBot:Ingestion:DataPath"] = docs,
            ["PolicyBot:Index:Path"] = server._temp.File("index.db"),
            ["PolicyBot:State:Path"] = server._temp.File("state.db"),
            ["PolicyBot:Ai:Chat:PromptsPath"] = Path.Combine(RepositoryPaths.Root, "prompts"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings) all[key] = value;
        try
        {
            server._app = PolicyBotServer.Build(["--urls", "http://127.0.0.1:0"], all);
            await server._app.StartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        server.Address = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>One message through the web chat API (`POST /api/chat`); the reply must be a 200 with a JSON body.</summary>
    public async Task<JsonNode> ChatAsync(string conversationId, string message)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(new Uri(Address, "/api/chat"), new { conversationId, message });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            try { await _app.StopAsync(); } catch (InvalidOperationException) { }   // never started
            await _app.DisposeAsync();
        }
        _temp.Dispose();
    }
}
