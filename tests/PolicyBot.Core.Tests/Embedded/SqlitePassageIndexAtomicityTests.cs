using System.Text.RegularExpressions;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Embedded;
using static PolicyBot.Core.Tests.Contracts.ContractCorpus;

namespace PolicyBot.Core.Tests.Embedded;

public sealed partial class SqlitePassageIndexAtomicityTests : IDisposable
{
    private const string ModelId = "sqlite-test-model";
    private readonly TempIndexFile _file = new();

    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task UpsertDocumentAsync_ExceptionInsideTransaction_KeepsPreviousVersion()
    {
        using var index = await NewIndexAsync();
        await UpsertVersionAsync(index, version: 1, passageCount: 3, Ct);
        index.BeforeDocumentRowWritten = _ => throw new IOException("Simulated crash mid-upsert");

        await Assert.ThrowsAsync<IOException>(() => UpsertVersionAsync(index, version: 2, passageCount: 1, Ct));

        index.BeforeDocumentRowWritten = null;
        await AssertVersionAsync(index, version: 1, passageCount: 3);
        using var reopened = _file.CreateIndex();
        await reopened.InitializeAsync(ModelId, Dimensions, Ct);
        await AssertVersionAsync(reopened, version: 1, passageCount: 3);
    }

    [Fact]
    public async Task UpsertDocumentAsync_CancelledMidway_KeepsPreviousVersionAndAcceptsTheNextUpsert()
    {
        using var index = await NewIndexAsync();
        await UpsertVersionAsync(index, version: 1, passageCount: 3, Ct);
        using var cancellation = new CancellationTokenSource();
        index.BeforeDocumentRowWritten = _ => cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => UpsertVersionAsync(index, version: 2, passageCount: 1, cancellation.Token));

        index.BeforeDocumentRowWritten = null;
        await AssertVersionAsync(index, version: 1, passageCount: 3);
        await UpsertVersionAsync(index, version: 3, passageCount: 2, Ct);
        await AssertVersionAsync(index, version: 3, passageCount: 2);
    }

    [Fact]
    public async Task SearchDenseAsync_UpsertCommitsBetweenScanAndRead_RescansAndReturnsTheNewVersion()
    {
        using var index = await NewIndexAsync();
        await UpsertVersionAsync(index, version: 1, passageCount: 3, Ct);
        var upserted = false;
        index.AfterDenseScan = async () =>
        {
            if (upserted) return;
            upserted = true;
            await UpsertVersionAsync(index, version: 2, passageCount: 2, Ct);
        };

        var hits = await index.SearchDenseAsync(Unit(1, 1, 1, 1, 1, 1, 1, 1), 10, SearchFilter.None, Ct);

        Assert.True(upserted);
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal(2, VersionOf(h.Passage.Text)));
        AssertSingleVersion(hits);
    }

    [Fact]
    public async Task SearchDenseAsync_FileChangedByAnotherInstance_SkipsVanishedRowsUntilReinitialized()
    {
        using var index = await NewIndexAsync();
        await UpsertVersionAsync(index, version: 1, passageCount: 3, Ct);
        using (var other = await NewIndexAsync()) await UpsertVersionAsync(other, version: 2, passageCount: 2, Ct);

        var stale = await index.SearchDenseAsync(Unit(1, 1, 1, 1, 1, 1, 1, 1), 10, SearchFilter.None, Ct);
        Assert.Empty(stale);

        await index.InitializeAsync(ModelId, Dimensions, Ct);
        await AssertVersionAsync(index, version: 2, passageCount: 2);
    }

    [Fact]
    public async Task Searches_DuringConcurrentUpserts_NeverThrowOrMixVersions()
    {
        using var index = await NewIndexAsync();
        await index.UpsertDocumentAsync(Get(UsJapan).Record, Get(UsJapan).Passages, Get(UsJapan).Embeddings, Ct);
        await UpsertVersionAsync(index, version: 0, passageCount: 3, Ct);
        using var done = new CancellationTokenSource();
        var searches = 0;
        var readersStarted = new[] { NewSignal(), NewSignal() };

        async Task SearchUntilDoneAsync(bool dense, TaskCompletionSource started)
        {
            started.TrySetResult();
            while (!done.IsCancellationRequested)
            {
                var hits = dense
                    ? await index.SearchDenseAsync(Unit(1, 1, 1, 1, 1, 1, 1, 1), 20, SearchFilter.None, Ct)
                    : await index.SearchKeywordAsync("live passage marker lithium", 20, SearchFilter.None, Ct);
                AssertSingleVersion(hits);
                Interlocked.Increment(ref searches);
            }
        }

        // Readers run on their own threads so a busy thread pool (other test classes run in parallel) cannot starve them.
        var readers = new[]
        {
            Task.Factory.StartNew(() => SearchUntilDoneAsync(dense: true, readersStarted[0]), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap(),
            Task.Factory.StartNew(() => SearchUntilDoneAsync(dense: false, readersStarted[1]), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap(),
        };
        await Task.WhenAll(readersStarted.Select(s => s.Task)).WaitAsync(TimeSpan.FromSeconds(30));

        // Keep writing until the readers have searched plenty (and at least 60 versions), with a cap; every 20 versions
        // the writer lets the readers catch up, so reads and writes interleave even on a loaded machine.
        var version = 0;
        while (++version < 5_000 && (version <= 60 || Volatile.Read(ref searches) < 300))
        {
            if (version % 10 == 0) await index.DeleteDocumentAsync("live", Ct);
            await UpsertVersionAsync(index, version, passageCount: 1 + version % 4, Ct);
            if (version % 20 == 0) await WaitForMoreSearchesAsync(() => Volatile.Read(ref searches), TimeSpan.FromSeconds(5));
        }
        await done.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(searches >= 300, $"Only {searches} searches ran during {version} upserts.");
        await AssertVersionAsync(index, version - 1, passageCount: 1 + (version - 1) % 4);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task WaitForMoreSearchesAsync(Func<int> searches, TimeSpan timeout)
    {
        var before = searches();
        var deadline = DateTime.UtcNow + timeout;
        while (searches() <= before && DateTime.UtcNow < deadline) await Task.Delay(1);
    }

    private async Task<SqlitePassageIndex> NewIndexAsync()
    {
        var index = _file.CreateIndex();
        await index.InitializeAsync(ModelId, Dimensions, Ct);
        return index;
    }

    private static Task UpsertVersionAsync(SqlitePassageIndex index, int version, int passageCount, CancellationToken cancellationToken)
    {
        var record = Document("live", "Live document", DateTimeOffset.UnixEpoch.AddMinutes(version), DocumentMetadata.Empty, passageCount) with { ContentHash = $"v{version}" };
        var passages = Enumerable.Range(0, passageCount)
            .Select(i => new Passage(Passage.MakeId("live", i), "live", i, null, $"Live passage {i} with marker v{version}x."))
            .ToList();
        var embeddings = Enumerable.Range(0, passageCount).Select(i => Axis((i + version) % Dimensions)).ToList();
        return index.UpsertDocumentAsync(record, passages, embeddings, cancellationToken);
    }

    private static async Task AssertVersionAsync(SqlitePassageIndex index, int version, int passageCount)
    {
        Assert.Equal($"v{version}", (await index.GetDocumentAsync("live", Ct))!.ContentHash);
        var passages = await index.GetPassagesAsync("live", Ct);
        Assert.Equal(passageCount, passages.Count);
        Assert.All(passages, p => Assert.Equal(version, VersionOf(p.Text)));
        var dense = await index.SearchDenseAsync(Unit(1, 1, 1, 1, 1, 1, 1, 1), 50, SearchFilter.None, Ct);
        Assert.Equal(passageCount, dense.Count(h => h.Document.Id == "live"));
        AssertSingleVersion(dense);
        var keyword = await index.SearchKeywordAsync("marker", 50, SearchFilter.None, Ct);
        Assert.Equal(passageCount, keyword.Count);
        AssertSingleVersion(keyword);
        Assert.Empty(await index.SearchKeywordAsync($"v{version + 1}x", 50, SearchFilter.None, Ct));
    }

    // Every hit of the live document carries the same version, in its text and in its document record.
    private static void AssertSingleVersion(IReadOnlyList<PassageHit> hits)
    {
        var live = hits.Where(h => h.Document.Id == "live").ToList();
        if (live.Count == 0) return;
        var version = int.Parse(live[0].Document.ContentHash.AsSpan(1), provider: null);
        Assert.All(live, h => Assert.Equal(version, VersionOf(h.Passage.Text)));
        Assert.All(live, h => Assert.Equal($"v{version}", h.Document.ContentHash));
        Assert.Equal(live.Count, live[0].Document.PassageCount);
    }

    private static int VersionOf(string text) => int.Parse(Marker().Match(text).Groups[1].Value, provider: null);

    [GeneratedRegex(@"marker v(\d+)x")]
    private static partial Regex Marker();
}
