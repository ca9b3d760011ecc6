namespace PolicyBot.Core.Feedback;

/// <summary>Votes that last as long as the process: for tests and throw-away runs.</summary>
public sealed class InMemoryFeedbackStore : IFeedbackStore
{
    private readonly List<FeedbackRecord> _items = [];
    private readonly Lock _gate = new();

    public Task AddAsync(FeedbackRecord feedback, CancellationToken cancellationToken)
    {
        lock (_gate) _items.Add(feedback with { CitedDocuments = [.. feedback.CitedDocuments] });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<FeedbackRecord>>([.. _items.Where(f => since is null || f.At >= since).OrderBy(f => f.At)]);
    }
}
