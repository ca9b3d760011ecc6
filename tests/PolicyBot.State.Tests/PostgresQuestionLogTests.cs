using PolicyBot.Core.Feedback;
using PolicyBot.Core.Tests.State.Contracts;
using PolicyBot.State.Postgres;

namespace PolicyBot.State.Tests;

public sealed class PostgresQuestionLogTests : QuestionLogContractTests, IDisposable
{
    private readonly PostgresTestDatabase _database = new();
    private readonly IQuestionLog _log;

    public PostgresQuestionLogTests() => _log = Reopen();

    protected override IQuestionLog Log => _log;

    protected override IQuestionLog Reopen() => new PostgresQuestionLog(_database.Open());

    public void Dispose() => _database.Dispose();
}
