using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Ingestion;

public sealed class IngestionWorkerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static IngestionWorker Worker(IndexedCorpus corpus, TimeProvider time, Action<IngestionOptions> configure, params IIngestionSource[] sources)
    {
        var options = new IngestionOptions { DataPath = corpus.DocsPath };
        configure(options);
        return new IngestionWorker(corpus.Pipeline, sources, Options.Create(options), time, NullLogger<IngestionWorker>.Instance);
    }

    private static async Task<bool> WaitForDocumentAsync(IndexedCorpus corpus, string id, Action? eachTry = null)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (DateTime.UtcNow < deadline)
        {
            eachTry?.Invoke();
            if ((await corpus.Index.ListDocumentsAsync(CancellationToken.None)).Any(d => d.Id == id)) return true;
            await Task.Delay(50);
        }
        return false;
    }

    [Fact]
    public async Task Schedule_IntervalPasses_NewFileReachesTheIndex()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        corpus.Write("a.md", IndexedCorpus.Measure("measure-a", "Graphite export controls", "CN", "2025-01-01", "Graphite anodes need licences."));
        await corpus.IngestAsync();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        using var worker = Worker(corpus, time, o => o.Schedule = TimeSpan.FromMinutes(15));
        await worker.StartAsync(CancellationToken.None);

        corpus.Write("b.md", IndexedCorpus.Measure("measure-b", "Lithium tariff", "US", "2025-02-01", "Lithium carbonate tariffs rise."));
        var found = await WaitForDocumentAsync(corpus, "measure-b", () => time.Advance(TimeSpan.FromMinutes(15)));
        await worker.StopAsync(CancellationToken.None);

        Assert.True(found);
    }

    [Fact]
    public async Task Schedule_Empty_NoRunsHappen()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        var time = new FakeTimeProvider();
        var source = new BlockingSource(release: true);
        using var worker = Worker(corpus, time, o => o.Schedule = null, source);
        await worker.StartAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromDays(1));
        await Task.Delay(200);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(0, source.Runs);
    }

    [Fact]
    public async Task RunOnceAsync_CalledDuringARun_DoesNotOverlapAndRunsOnceMore()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        var source = new BlockingSource(release: false);
        using var worker = Worker(corpus, TimeProvider.System, _ => { }, source);

        var first = worker.RunOnceAsync(CancellationToken.None);
        await source.Started.Task.WaitAsync(Bound);
        var second = await worker.RunOnceAsync(CancellationToken.None);
        var third = await worker.RunOnceAsync(CancellationToken.None);
        source.Release();
        Assert.True(await first.WaitAsync(Bound));

        Assert.False(second);
        Assert.False(third);
        Assert.Equal(2, source.Runs);
        Assert.Equal(1, source.MaxConcurrent);
    }

    [Fact]
    public async Task RunOnceAsync_SourceFails_OtherSourcesStillRunAndNextRunTriesAgain()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        var failing = new FailingSource();
        var after = new BlockingSource(release: true);
        using var worker = Worker(corpus, TimeProvider.System, _ => { }, failing, after);

        await worker.RunOnceAsync(CancellationToken.None);
        await worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, failing.Runs);
        Assert.Equal(2, after.Runs);
    }

    [Fact]
    public async Task Watch_FileWrittenIntoDataFolder_DocumentAppears()
    {
        await using var corpus = await IndexedCorpus.CreateAsync();
        using var worker = Worker(corpus, TimeProvider.System, o => { o.Watch = true; o.WatchDebounce = TimeSpan.FromMilliseconds(200); });
        await worker.StartAsync(CancellationToken.None);
        await Task.Delay(200);   // the watcher is set up in the background

        corpus.Write("watched.md", IndexedCorpus.Measure("measure-watched", "Cobalt reporting rule", "EU", "2025-03-01", "Cobalt refiners report origins."));
        var found = await WaitForDocumentAsync(corpus, "measure-watched");
        await worker.StopAsync(CancellationToken.None);

        Assert.True(found);
    }

    private sealed class BlockingSource(bool release) : IIngestionSource
    {
        private readonly TaskCompletionSource _release = NewSignal(release);
        private int _concurrent;

        public TaskCompletionSource Started { get; } = NewSignal(false);
        public int Runs { get; private set; }
        public int MaxConcurrent { get; private set; }
        public string Name => "blocking";

        public void Release() => _release.TrySetResult();

        public async Task IngestAsync(CancellationToken cancellationToken)
        {
            MaxConcurrent = Math.Max(MaxConcurrent, Interlocked.Increment(ref _concurrent));
            Runs++;
            Started.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref _concurrent);
        }

        private static TaskCompletionSource NewSignal(bool set)
        {
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (set) signal.SetResult();
            return signal;
        }
    }

    private sealed class FailingSource : IIngestionSource
    {
        public int Runs { get; private set; }
        public string Name => "failing";

        public Task IngestAsync(CancellationToken cancellationToken)
        {
            Runs++;
            throw new HttpRequestException("feed unreachable");
        }
    }
}
