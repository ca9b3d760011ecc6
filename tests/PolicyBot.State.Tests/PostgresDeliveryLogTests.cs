using PolicyBot.Core.State;
using PolicyBot.Core.Tests.State.Contracts;
using PolicyBot.State.Postgres;

namespace PolicyBot.State.Tests;

/// <summary>The delivery-log contract on PostgreSQL, where leases run on the database clock: lapsing one takes real time.</summary>
public sealed class PostgresDeliveryLogTests : DeliveryLogContractTests, IDisposable
{
    private readonly PostgresTestDatabase _database = new();
    private readonly IDeliveryLog _log;

    public PostgresDeliveryLogTests() => _log = Reopen();

    protected override TimeSpan Lease => TimeSpan.FromSeconds(1.5);

    protected override IDeliveryLog Log => _log;

    protected override IDeliveryLog Reopen() => new PostgresDeliveryLog(_database.Open());

    protected override Task LetLeaseLapseAsync() => Task.Delay(Lease + TimeSpan.FromMilliseconds(200));

    public void Dispose() => _database.Dispose();
}
