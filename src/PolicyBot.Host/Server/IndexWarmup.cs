using Microsoft.Extensions.Hosting;
using PolicyBot.Core.Ingestion;
using PolicyBot.Host.Composition;

namespace PolicyBot.Host.Server;

/// <summary>Opens the index (ingesting the data folder on first use) and loads the embedding model before the bot takes messages.</summary>
internal sealed class IndexWarmup(IndexBootstrapper bootstrap, IEmbedder embedder, ILogger<IndexWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A damaged index file must not stop the server from starting (or send it into a crash loop): set it aside and rebuild.
        if (await bootstrap.OpenOrSetAsideCorruptAsync(cancellationToken) is { } aside)
            logger.CorruptIndexSetAside(bootstrap.IndexPath, aside, bootstrap.DataPath);
        await bootstrap.EnsureIngestedAsync(null, TextWriter.Null, cancellationToken);
        await embedder.EmbedAsync(["warm-up"], cancellationToken);
        logger.LogInformation("Index ready at {IndexPath}", bootstrap.IndexPath);
    }


    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static partial class IndexWarmupLog
{
    [LoggerMessage(601, LogLevel.Error, "The index file {IndexPath} was damaged; moved it to {SetAside} and rebuilding it from {DataPath}")]
    public static partial void CorruptIndexSetAside(this ILogger logger, string indexPath, string setAside, string dataPath);
}
