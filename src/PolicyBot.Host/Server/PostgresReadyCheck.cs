using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using PolicyBot.Core.State;
using PolicyBot.State.Postgres;

namespace PolicyBot.Host.Server;

/// <summary>Ready when the PostgreSQL state database accepts a connection and a trivial query. Only registered when State:Provider is postgres.</summary>
internal sealed class PostgresReadyCheck(PostgresStateDatabase database) : IHealthCheck
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await using var connection = await database.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("PostgreSQL is reachable.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL did not answer within {ProbeTimeout.TotalSeconds:0} s.");
        }
        catch (StateUnavailableException ex)
        {
            // The type of the underlying failure only: a driver message can name the host, and readiness output is public.
            return HealthCheckResult.Unhealthy($"PostgreSQL is not reachable ({(ex.InnerException ?? ex).GetType().Name}).");
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL is not reachable ({ex.GetType().Name}).");
        }
    }
}
