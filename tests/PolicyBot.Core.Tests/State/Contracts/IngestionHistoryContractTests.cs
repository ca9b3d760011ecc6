using PolicyBot.Core.Domain;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Tests.State.Contracts;

/// <summary>What every <see cref="IIngestionHistory"/> must do.</summary>
public abstract class IngestionHistoryContractTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IIngestionHistory History { get; }

    protected abstract IIngestionHistory Reopen();

    private static readonly DocumentMetadata InForce = new()
    {
        Jurisdiction = "China", IssuingBody = "MOFCOM", InstrumentType = "announcement", Announced = "2025-10-09", Effective = "2025-11-08",
        Status = "in force", Materials = ["graphite", "anode material"], Sources = ["https://example.org/a"],
        Relations = new Dictionary<string, IReadOnlyList<string>> { ["amends"] = ["doc-0"], ["suspended_by"] = ["doc-9", "doc-10"] },
    };

    private static readonly DocumentChange[] Changes =
    [
        new("doc-1", "Export controls on graphite", DocumentChangeKind.Added, null, InForce, At),
        new("doc-1", "Export controls on graphite", DocumentChangeKind.Updated, InForce, InForce with { Status = "suspended", Effective = "2026-11" }, At.AddHours(1)),
        new("doc-2", "Old notice", DocumentChangeKind.Removed, DocumentMetadata.Empty, null, At.AddHours(1)),
        new("doc-3", "Later notice", DocumentChangeKind.Added, null, DocumentMetadata.Empty, At.AddHours(2)),
    ];

    [StoreFact]
    public async Task ListSinceAsync_ReturnsChangesStrictlyAfterInOrder()
    {
        await History.RecordAsync(Changes[..2], None);
        await History.RecordAsync(Changes[2..], None);

        Assert.Equal(Changes.Select(Describe), (await History.ListSinceAsync(At.AddHours(-1), None)).Select(Describe));
        Assert.Equal(Changes[1..].Select(Describe), (await History.ListSinceAsync(At, None)).Select(Describe));
        Assert.Equal(Changes[3..].Select(Describe), (await History.ListSinceAsync(At.AddHours(1), None)).Select(Describe));
        Assert.Empty(await History.ListSinceAsync(At.AddHours(2), None));
    }

    [StoreFact]
    public async Task RecordAsync_NothingToRecord_IsFine()
    {
        await History.RecordAsync([], None);

        Assert.Empty(await History.ListSinceAsync(DateTimeOffset.MinValue, None));
    }

    [StoreFact]
    public async Task Changes_SurviveAReopen()
    {
        await History.RecordAsync(Changes, None);

        Assert.Equal(Changes.Select(Describe), (await Reopen().ListSinceAsync(At.AddDays(-1), None)).Select(Describe));
    }

    private static string Describe(DocumentChange c) =>
        $"{c.DocumentId}|{c.Title}|{c.Kind}|{StateEncoding.Metadata(c.Before)}|{StateEncoding.Metadata(c.After)}|{c.At:o}";
}
