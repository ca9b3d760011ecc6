namespace PolicyBot.Core.Feedback;

/// <summary>Where feedback votes are kept for the operators' reports.</summary>
public interface IFeedbackStore
{
    Task AddAsync(FeedbackRecord feedback, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken);
}
