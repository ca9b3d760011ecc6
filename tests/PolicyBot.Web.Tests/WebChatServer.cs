using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Host.Server;
using PolicyBot.Tests;

namespace PolicyBot.Web.Tests;

/// <summary>
/// The real `policybot serve` app on 127.0.0.1 (a free port), ingesting a small graphite-centred slice of data/
/// into a temporary index and state file.
/// </summary>
public sealed class WebChatServer : IAsyncDisposable
{
    /// <summary>Documents from data/policies: enough for a cited answer, a follow-up, latest, timeline, compare and upcoming.</summary>
    public static readonly string[] Documents =
    [
        "cn-graphite-export-controls-2023",
        "cn-announcement-58-2025-lithium-battery-graphite-anode",
        "cn-announcement-70-2025-suspension",
        "eu-critical-raw-materials-act-2024",
        "us-aam-graphite-adcvd-2025",
    ];

    private readonly TempDirectory _temp = new();
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;

    public static async Task<WebChatServer> StartAsync()
    {
        var server = new WebChatServer();
        try
        {
            var docs = server._temp.File("docs");
            Directory.CreateDirectory(docs);
            foreach (var id in Documents)
                File.Copy(Path.Combine(RepositoryPaths.Root, "data", "policies", id + ".md"), Path.Combine(docs, id + ".md"));
            var settings = new Dictionary<string, string?>
            {
                ["PolicyBot:Ingestion:DataPath"] = docs,
                ["PolicyBot:Index:Path"] = server._temp.File("index.db"),
                ["PolicyBot:State:Path"] = server._temp.File("state.db"),
                ["PolicyBot:Ai:Chat:PromptsPath"] = Path.Combine(RepositoryPaths.Root, "prompts"),
                ["Logging:LogLevel:Default"] = "Warning",
            };
            server._app = PolicyBotServer.Build(["--urls", "http://127.0.0.1:0"], settings);
            await server._app.StartAsync();
            server.Address = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
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
