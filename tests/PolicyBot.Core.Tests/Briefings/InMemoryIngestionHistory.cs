using PolicyBot.Core.State;

namespace PolicyBot.Core.Tests.Briefings;

/// <summary>Test double for <see cref="IIngestionHistory"/> (the SQLite/PostgreSQL ones belong to the state stores).</summary>
internal sealed class InMemoryIngestionHistory : IIngestionHistory
{
    private readonly List<DocumentChange> _changes = [];

    public Task RecordAsync(IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken)
    {
        lock (_changes) _changes.AddRange(changes);
        return Task.CompletedTask;
    }

    /// <summary>Changes strictly after <paramref name="since"/>, in recording order.</summary>
    public Task<IReadOnlyList<DocumentChange>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_changes) return Task.FromResult<IReadOnlyList<DocumentChange>>([.. _changes.Where(c => c.At > since)]);
    }
}
