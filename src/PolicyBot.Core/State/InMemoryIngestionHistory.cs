namespace PolicyBot.Core.State;

/// <summary>Ingestion history in memory, for tests.</summary>
public sealed class InMemoryIngestionHistory : IIngestionHistory
{
    private readonly Lock _lock = new();
    private readonly List<DocumentChange> _changes = [];

    public Task RecordAsync(IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken)
    {
        lock (_lock) _changes.AddRange(changes);
        return Task.CompletedTask;
    }

    /// <summary>Changes strictly after <paramref name="since"/>, oldest first (in recording order for equal times).</summary>
    public Task<IReadOnlyList<DocumentChange>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<DocumentChange>>(_changes.Where(c => c.At > since).OrderBy(c => c.At).ToList());
    }
}
