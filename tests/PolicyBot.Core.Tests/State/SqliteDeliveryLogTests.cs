using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.State;
using PolicyBot.Core.Tests.State.Contracts;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.State;

public sealed class SqliteDeliveryLogTests : DeliveryLogContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Slot);
    private readonly SqliteDeliveryLog _log;

    public SqliteDeliveryLogTests() => _log = (SqliteDeliveryLog)Reopen();

    protected override IDeliveryLog Log => _log;

    protected override IDeliveryLog Reopen() => new SqliteDeliveryLog(new SqliteStateDatabase(_directory.File("nested/state.db")), _time);

    protected override Task LetLeaseLapseAsync()
    {
        _time.Advance(Lease + TimeSpan.FromMilliseconds(1));
        return Task.CompletedTask;
    }

    public void Dispose() => _directory.Dispose();
}
