using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolicyBot.Core.Embedded;
using PolicyBot.Core.Retrieval;
using PolicyBot.Host.Server;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Server;

/// <summary>
/// Recovery at the seams, without a Qdrant server: the warm-up keeps retrying an unreachable index in the background until
/// it opens (then ingests), and the readiness check asks the index again on every call, so it turns healthy by itself.
/// </summary>
public sealed class IndexWarmupRecoveryTests : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private ServiceProvider? _services;

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        _temp.Dispose();
    }

    private (IndexWarmup Warmup, OutageIndex Index, IndexReadyCheck Readiness) Build(int failedOpens)
    {
        var docs = _temp.File("docs");
        Directory.CreateDirectory(docs);
        File.Copy(Path.Combine(RepositoryPaths.Root, "data", "policies", "eu-critical-raw-materials-act-2024.md"), Path.Combine(docs, "crma.md"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PolicyBot:Ingestion:DataPath"] = docs,
            ["PolicyBot:Index:Path"] = _temp.File("index.db"),
            ["PolicyBot:State:Path"] = _temp.File("state.db"),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddPolicyBot(configuration);
        services.AddSingleton(sp => new OutageIndex(sp.GetRequiredService<SqlitePassageIndex>(), failedOpens));
        services.Replace(ServiceDescriptor.Singleton<IPassageIndex>(sp => sp.GetRequiredService<OutageIndex>()));
        services.AddSingleton(new IndexWarmupRetry(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4)));
        services.AddSingleton<IndexWarmup>();
        services.AddSingleton<IndexReadyCheck>();
        _services = services.BuildServiceProvider();
        return (_services.GetRequiredService<IndexWarmup>(), _services.GetRequiredService<OutageIndex>(), _services.GetRequiredService<IndexReadyCheck>());
    }

    private static Task<HealthCheckResult> CheckAsync(IndexReadyCheck check) =>
        check.CheckHealthAsync(new HealthCheckContext { Registration = new HealthCheckRegistration("index", check, null, null) });

    [Fact]
    public async Task StartAsync_IndexUnreachableThreeTimes_ReturnsAtOnce_ThenRetriesUntilOpenAndReadinessTurnsHealthy()
    {
        var (warmup, index, readiness) = Build(failedOpens: 3);

        await warmup.StartAsync(CancellationToken.None);   // does not throw: the host keeps starting
        var before = await CheckAsync(readiness);
        await warmup.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        var after = await CheckAsync(readiness);
        await warmup.StopAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Contains("unreachable", before.Description);
        Assert.Equal(4, index.OpenAttempts);
        Assert.Equal(HealthStatus.Healthy, after.Status);
        Assert.Equal("1 documents indexed.", after.Description);
    }

    [Fact]
    public async Task ReadinessCheck_AsksAgainEachCall_UnhealthyDuringAnOutageAndHealthyAfter()
    {
        var (warmup, index, readiness) = Build(failedOpens: 0);
        await warmup.StartAsync(CancellationToken.None);
        Assert.True(warmup.Ready.IsCompletedSuccessfully);

        index.Down = true;
        var during = await CheckAsync(readiness);
        index.Down = false;
        var after = await CheckAsync(readiness);

        Assert.Equal(HealthStatus.Unhealthy, during.Status);
        Assert.Equal("The index is unreachable: Qdrant is not reachable (Unavailable).", during.Description);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task StopAsync_WhileStillRetrying_EndsTheRetriesWithoutError()
    {
        var (warmup, index, _) = Build(failedOpens: int.MaxValue);

        await warmup.StartAsync(CancellationToken.None);
        await warmup.StopAsync(CancellationToken.None);
        var attempts = index.OpenAttempts;

        Assert.False(warmup.Ready.IsCompleted);
        Assert.True(attempts >= 1);
        Assert.Equal(attempts, index.OpenAttempts);   // nothing retries after the stop
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(8, 16)]
    [InlineData(20, 30)]
    [InlineData(30, 30)]
    public void Retry_DoublesTheWait_UpToTheCap(int seconds, int next) =>
        Assert.Equal(TimeSpan.FromSeconds(next), IndexWarmupRetry.Default.Next(TimeSpan.FromSeconds(seconds)));
}
