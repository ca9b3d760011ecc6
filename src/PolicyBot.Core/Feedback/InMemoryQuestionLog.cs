namespace PolicyBot.Core.Feedback;

/// <summary>The question log in memory: for tests and throw-away runs.</summary>
public sealed class InMemoryQuestionLog : IQuestionLog
{
    private readonly List<QuestionRecord> _questions = [];
    private readonly Lock _gate = new();

    public Task AddAsync(QuestionRecord question, CancellationToken cancellationToken)
    {
        lock (_gate) _questions.Add(question);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QuestionRecord>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<QuestionRecord>>(_questions.Where(q => since is null || q.At >= since).OrderBy(q => q.At).ToList());
    }
}
