using Microsoft.Extensions.Hosting;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Retrieval;
using PolicyBot.Host.Composition;

namespace PolicyBot.Host.Server;

/// <summary>
/// Loads the embedding model and opens the index (ingesting the data folder on first use) before the bot takes messages.
/// When the index cannot be reached (Qdrant down), the server starts anyway: questions get the "index unreachable" reply,
/// /readyz says why, and the warm-up retries in the background with doubling waits up to <see cref="IndexWarmupRetry.MaxDelay"/>.
/// </summary>
internal sealed class IndexWarmup(IndexBootstrapper bootstrap, IEmbedder embedder, IndexWarmupRetry retry, TimeProvider time, ILogger<IndexWarmup> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _retrying = Task.CompletedTask;

    /// <summary>Completes once the index is open and filled (at once, or after background retries).</summary>
    public Task Ready => _ready.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await embedder.EmbedAsync(["warm-up"], cancellationToken);
        try
        {
            await OpenAsync(cancellationToken);
        }
        catch (IndexUnavailableException ex)
        {
            logger.IndexUnreachableAtStart(ex.Message, retry.InitialDelay.TotalSeconds);
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retrying.WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        // A damaged index file must not stop the server from starting (or send it into a crash loop): set it aside and rebuild.
        if (await bootstrap.OpenOrSetAsideCorruptAsync(cancellationToken) is { } aside)
            logger.CorruptIndexSetAside(bootstrap.IndexPath, aside, bootstrap.DataPath);
        await bootstrap.EnsureIngestedAsync(null, TextWriter.Null, cancellationToken);
        _ready.TrySetResult();
        logger.IndexReady(bootstrap.IndexPath);
    }

    private async Task RetryAsync(CancellationToken stoppingToken)
    {
        var delay = retry.InitialDelay;
        for (var attempt = 2; ; attempt++)
        {
            try
            {
                await Task.Delay(delay, time, stoppingToken);
                await OpenAsync(stoppingToken);
                logger.IndexReachedAfterRetries(attempt);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (IndexUnavailableException ex)
            {
                delay = retry.Next(delay);
                logger.IndexStillUnreachable(attempt, ex.Message, delay.TotalSeconds);
            }
            catch (Exception ex)
            {
                // Reached, but unusable (another model's collection, no data folder): retrying will not help; the log says why.
                logger.IndexWarmupFailed(ex);
                return;
            }
        }
    }
}

/// <summary>How the warm-up waits between attempts while the index is unreachable: doubling from the first wait, capped.</summary>
internal sealed record IndexWarmupRetry(TimeSpan InitialDelay, TimeSpan MaxDelay)
{
    public static IndexWarmupRetry Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    public TimeSpan Next(TimeSpan delay) => delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
}

internal static partial class IndexWarmupLog
{
    [LoggerMessage(601, LogLevel.Error, "The index file {IndexPath} was damaged; moved it to {SetAside} and rebuilding it from {DataPath}")]
    public static partial void CorruptIndexSetAside(this ILogger logger, string indexPath, string setAside, string dataPath);

    [LoggerMessage(602, LogLevel.Information, "Index ready at {IndexPath}")]
    public static partial void IndexReady(this ILogger logger, string indexPath);

    [LoggerMessage(603, LogLevel.Warning, "The policy index is unreachable at startup ({Reason}); serving anyway and retrying in the background, first in {Seconds:0.#} s")]
    public static partial void IndexUnreachableAtStart(this ILogger logger, string reason, double seconds);

    [LoggerMessage(604, LogLevel.Warning, "The policy index is still unreachable after attempt {Attempt} ({Reason}); next attempt in {Seconds:0.#} s")]
    public static partial void IndexStillUnreachable(this ILogger logger, int attempt, string reason, double seconds);

    [LoggerMessage(605, LogLevel.Information, "The policy index is reachable again; warm-up finished on attempt {Attempt}")]
    public static partial void IndexReachedAfterRetries(this ILogger logger, int attempt);

    [LoggerMessage(606, LogLevel.Error, "The policy index was reached but could not be opened; the warm-up stops retrying")]
    public static partial void IndexWarmupFailed(this ILogger logger, Exception exception);
}
