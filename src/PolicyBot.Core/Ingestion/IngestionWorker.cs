using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicyBot.Core.Ingestion;

/// <summary>
/// Re-ingests the data folder and every <see cref="IIngestionSource"/> every <see cref="IngestionOptions.Schedule"/> and, with
/// <see cref="IngestionOptions.Watch"/>, after files under the data folder change. Unchanged documents are skipped by hash, so runs are cheap.
/// Runs never overlap: a request during a run makes one more run afterwards. A failed run is logged and the next one tries again.
/// </summary>
public sealed class IngestionWorker(
    IngestionPipeline pipeline,
    IEnumerable<IIngestionSource> sources,
    IOptions<IngestionOptions> options,
    TimeProvider timeProvider,
    ILogger<IngestionWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IReadOnlyList<IIngestionSource> _sources = [.. sources];
    private int _requested;

    public string DataPath => Path.GetFullPath(options.Value.DataPath);

    /// <summary>Runs now, or, when a run is already going, makes it run once more when it ends.</summary>
    /// <returns>True when this call ran ingestion itself.</returns>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _requested, 1);
        var ran = false;
        while (Volatile.Read(ref _requested) == 1 && await _gate.WaitAsync(0, cancellationToken))
        {
            try
            {
                while (Interlocked.Exchange(ref _requested, 0) == 1)
                {
                    ran = true;
                    await RunCoreAsync(cancellationToken);
                }
            }
            finally { _gate.Release(); }
        }
        return ran;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var interval = settings.Schedule is { } s && s > TimeSpan.Zero ? s : (TimeSpan?)null;
        if (interval is null && !settings.Watch) return;
        logger.IngestionWorkerStarted(interval, settings.Watch);
        using var watcher = settings.Watch ? new DataFolderWatcher(DataPath, settings.WatchDebounce, timeProvider,
            () => _ = RunInBackgroundAsync(stoppingToken), () => logger.DataFolderChanged(DataPath)) : null;
        try
        {
            if (interval is null)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, stoppingToken);
                return;
            }
            using var timer = new PeriodicTimer(interval.Value, timeProvider);
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await RunOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task RunInBackgroundAsync(CancellationToken cancellationToken)
    {
        try { await RunOnceAsync(cancellationToken); }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
    }

    private async Task RunCoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (Directory.Exists(DataPath)) await pipeline.IngestAsync([DataPath], null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.IngestionRunFailed(DataPath, ex);
        }
        foreach (var source in _sources)
        {
            try { await source.IngestAsync(cancellationToken); }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.IngestionRunFailed(source.Name, ex);
            }
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _gate.Dispose();
    }
}
