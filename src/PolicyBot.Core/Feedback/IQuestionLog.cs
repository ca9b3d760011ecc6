namespace PolicyBot.Core.Feedback;

/// <summary>A durable log of the questions asked on every platform (SQLite in the state file; other stores may implement it).</summary>
public interface IQuestionLog
{
    Task AddAsync(QuestionRecord question, CancellationToken cancellationToken);

    /// <summary>Questions asked at or after <paramref name="since"/> (all when null), oldest first.</summary>
    Task<IReadOnlyList<QuestionRecord>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken);
}
