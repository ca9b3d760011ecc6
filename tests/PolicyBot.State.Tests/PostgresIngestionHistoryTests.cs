using PolicyBot.Core.State;
using PolicyBot.Core.Tests.State.Contracts;
using PolicyBot.State.Postgres;

namespace PolicyBot.State.Tests;

public sealed class PostgresIngestionHistoryTests : IngestionHistoryContractTests, IDisposable
{
    private readonly PostgresTestDatabase _database = new();
    private readonly IIngestionHistory _history;

    public PostgresIngestionHistoryTests() => _history = Reopen();

    protected override IIngestionHistory History => _history;

    protected override IIngestionHistory Reopen() => new PostgresIngestionHistory(_database.Open());

    public void Dispose() => _database.Dispose();
}
