using Grpc.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PolicyBot.Qdrant;

/// <summary>Readiness: Qdrant answers and the collection exists. Tagged <c>ready</c>, for a /readyz endpoint.</summary>
public sealed class QdrantHealthCheck(QdrantPassageIndex index) : IHealthCheck
{
    public const string Name = "qdrant";
    public const string ReadyTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var version = await index.ServerVersionAsync(cancellationToken);
            return await index.CollectionExistsAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"Qdrant {version}, collection '{index.Collection}'.")
                : HealthCheckResult.Unhealthy($"Qdrant {version} has no collection '{index.Collection}' yet (not ingested).");
        }
        catch (RpcException ex)
        {
            return HealthCheckResult.Unhealthy($"Qdrant is not reachable: {ex.Status.StatusCode}.", ex);
        }
    }
}
