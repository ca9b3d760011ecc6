using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Host.Server;

/// <summary>Ready when the index is open and holds documents (the warm-up ingests data/ on first start). Asks the index on every call.</summary>
internal sealed class IndexReadyCheck(IPassageIndex index) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var stats = await index.GetStatsAsync(cancellationToken);
            return stats.DocumentCount > 0
                ? HealthCheckResult.Healthy($"{stats.DocumentCount} documents indexed.")
                : HealthCheckResult.Unhealthy("The index is empty.");
        }
        catch (IndexUnavailableException ex)
        {
            return HealthCheckResult.Unhealthy($"The index is unreachable: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The index is not open.");
        }
    }
}
