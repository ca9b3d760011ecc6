using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicyBot.Core.Briefings.Scheduling;

/// <summary>Runs the <see cref="BriefingScheduler"/> at start and then every <see cref="BriefingSchedulerOptions.Interval"/>; a failed run is logged and the next one tries again.</summary>
public sealed class BriefingWorker(BriefingScheduler scheduler, TimeProvider timeProvider, IOptions<BriefingSchedulerOptions> options, ILogger<BriefingWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        logger.WorkerStarted(scheduler.InstanceId, settings.Interval, settings.Lease);
        using var timer = new PeriodicTimer(settings.Interval, timeProvider);
        try
        {
            do
            {
                try { await scheduler.RunOnceAsync(timeProvider.GetUtcNow(), stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested) { logger.RunFailed(ex); }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
