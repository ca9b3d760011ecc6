using PolicyBot.Core.State;
using PolicyBot.Core.Tests.State.Contracts;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.State;

public sealed class SqliteIngestionHistoryTests : IngestionHistoryContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly IIngestionHistory _history;

    public SqliteIngestionHistoryTests() => _history = Reopen();

    protected override IIngestionHistory History => _history;

    protected override IIngestionHistory Reopen() => new SqliteIngestionHistory(new SqliteStateDatabase(_directory.File("state.db")));

    public void Dispose() => _directory.Dispose();
}
