using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Core.Ingestion;
using PolicyBot.Host.Composition;
using PolicyBot.Host.Telemetry;
using PolicyBot.Host.Web;

namespace PolicyBot.Host.Server;

/// <summary>
/// The hosted bot (`policybot serve`): one ASP.NET Core app that serves the chat front-ends. It listens where
/// ASPNETCORE_URLS / --urls say, by default http://127.0.0.1:5080.
/// </summary>
public static class PolicyBotServer
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.Local.json"), optional: true);
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(DefaultUrl);

        builder.Services.AddPolicyBot(builder.Configuration)
            .AddPolicyBotConversations(builder.Configuration)
            .AddPolicyBotBriefings(builder.Configuration)
            .AddDiscordFrontEnd(builder.Configuration)
            .AddTeamsFrontEnd(builder.Configuration);
        builder.Services.AddPolicyBotTelemetry(builder.Configuration);
        builder.Services.AddHostedService<LegacyStateImport>();
        // Qdrant down at startup does not stop the server: the warm-up retries in the background (IndexWarmupRetry).
        builder.Services.TryAddSingleton(IndexWarmupRetry.Default);
        builder.Services.AddSingleton<IndexWarmup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IndexWarmup>());
        builder.Services.AddPolicyBotReadiness(builder.Configuration);
        // After the warm-up, so the index is open before the first scheduled or watched run.
        builder.Services.AddSingleton<IngestionWorker>();
        // RSS/Atom feeds (PolicyBot:Ingestion:Feeds) are fetched on each scheduled run.
        builder.Services.AddPolicyBotFeeds();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IngestionWorker>());

        var app = builder.Build();
        app.UseRequestBodyLimits();
        app.MapGet("/healthz", () => Results.Text("ok"));
        // Ready: the index is open and filled, and Qdrant, PostgreSQL and the language model (when configured) answer.
        app.MapReadiness();
        app.MapPolicyBotTelemetry();
        app.MapWebChat();
        app.MapDiscordFrontEnd();
        app.MapTeamsFrontEnd();
        return app;
    }
}
