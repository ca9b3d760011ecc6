using Microsoft.Extensions.Hosting;
using PolicyBot.Core.Ingestion;
using PolicyBot.Host.Composition;

namespace PolicyBot.Host.Server;

/// <summary>Opens the index (ingesting the data folder on first use) and loads the embedding model before the bot takes messages.</summary>
internal sealed class IndexWarmup(IndexBootstrapper bootstrap, IEmbedder embedder, ILogger<IndexWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await bootstrap.EnsureIngestedAsync(null, TextWriter.Null, cancellationToken);
        await embedder.EmbedAsync(["warm-up"], cancellationToken);
        logger.LogInformation("Index ready at {IndexPath}", bootstrap.IndexPath);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
