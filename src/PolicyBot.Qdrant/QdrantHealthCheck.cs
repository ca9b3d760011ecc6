using Grpc.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Qdrant;

/// <summary>
/// Readiness: Qdrant answers and the collection exists. Tagged <c>ready</c>, for a /readyz endpoint. Each call asks Qdrant
/// again, so readiness turns true by itself once Qdrant is back. Reasons name Qdrant and the gRPC status, never the address.
/// </summary>
public sealed class QdrantHealthCheck(QdrantPassageIndex index) : IHealthCheck
{
    public const string Name = "qdrant";
    public const string ReadyTag = "ready";
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            var version = await index.ServerVersionAsync(timeout.Token);
            return await index.CollectionExistsAsync(timeout.Token)
                ? HealthCheckResult.Healthy($"Qdrant {version}, collection '{index.Collection}'.")
                : HealthCheckResult.Unhealthy($"Qdrant {version} has no collection '{index.Collection}' yet (not ingested).");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested
            && (ex is OperationCanceledException || ex is RpcException { StatusCode: StatusCode.Cancelled }))
        {
            return HealthCheckResult.Unhealthy($"Qdrant did not answer within {ProbeTimeout.TotalSeconds:0} s.");
        }
        catch (IndexUnavailableException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
        catch (RpcException ex)
        {
            return HealthCheckResult.Unhealthy($"Qdrant is not reachable: {ex.Status.StatusCode}.");
        }
    }
}
