namespace PolicyBot.Core.State;

/// <summary>An ingestion history kept in memory, for tests and for running without a state store. Lost on restart.</summary>
public sealed class InMemoryIngestionHistory : IIngestionHistory
{
    private readonly List<DocumentChange> _changes = [];
    private readonly Lock _gate = new();

    public Task RecordAsync(IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken)
    {
        lock (_gate) _changes.AddRange(changes);
        return Task.CompletedTask;
    }

    /// <summary>Changes made strictly after <paramref name="since"/>, oldest first.</summary>
    public Task<IReadOnlyList<DocumentChange>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<DocumentChange>>(_changes.Where(c => c.At > since).OrderBy(c => c.At).ToList());
    }
}
