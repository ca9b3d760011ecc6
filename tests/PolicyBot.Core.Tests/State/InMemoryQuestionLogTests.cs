using PolicyBot.Core.Feedback;
using PolicyBot.Core.Tests.State.Contracts;

namespace PolicyBot.Core.Tests.State;

public sealed class InMemoryQuestionLogTests : QuestionLogContractTests
{
    private readonly InMemoryQuestionLog _log = new();

    protected override IQuestionLog Log => _log;

    protected override IQuestionLog Reopen() => _log;
}
