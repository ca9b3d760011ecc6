using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Qdrant.Tests;

/// <summary>The adapter over a real gRPC channel to a loopback port nothing listens on: transport failures become IndexUnavailableException.</summary>
public sealed class QdrantUnreachableTests
{
    private static QdrantOptions ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new QdrantOptions { Endpoint = $"http://127.0.0.1:{port}", ApiKey = "not-to-be-shown", TimeoutSeconds = 5 };
    }

    [Fact]
    public async Task InitializeAsync_ConnectionRefused_ThrowsIndexUnavailable_AndLaterUseSaysTheSame()
    {
        using var index = new QdrantPassageIndex(Options.Create(ClosedPort()));

        var open = await Assert.ThrowsAsync<IndexUnavailableException>(() => index.InitializeAsync("all-MiniLM-L6-v2", 384, CancellationToken.None));
        var use = await Assert.ThrowsAsync<IndexUnavailableException>(() => index.GetStatsAsync(CancellationToken.None));

        Assert.Equal("Qdrant is not reachable (Unavailable).", open.Message);
        Assert.DoesNotContain("not-to-be-shown", open.Message + use.Message);
        Assert.Contains("Qdrant", use.Message);
    }

    [Fact]
    public async Task GetStatsAsync_NeverOpened_IsStillAProgrammingError()
    {
        using var index = new QdrantPassageIndex(Options.Create(ClosedPort()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => index.GetStatsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task HealthCheck_ConnectionRefused_UnhealthyNamingQdrantNotTheAddress()
    {
        var options = ClosedPort();
        using var index = new QdrantPassageIndex(Options.Create(options));

        var result = await new QdrantHealthCheck(index).CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, result.Status);
        Assert.Equal("Qdrant is not reachable (Unavailable).", result.Description);
        Assert.DoesNotContain(new Uri(options.Endpoint!).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Description);
    }
}
