using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.State;
using PolicyBot.Core.Tests.State.Contracts;

namespace PolicyBot.Core.Tests.State;

public sealed class InMemoryDeliveryLogTests : DeliveryLogContractTests
{
    private readonly FakeTimeProvider _time = new(Slot);
    private readonly InMemoryDeliveryLog _log;

    public InMemoryDeliveryLogTests() => _log = new InMemoryDeliveryLog(_time);

    protected override IDeliveryLog Log => _log;

    protected override IDeliveryLog Reopen() => _log;

    protected override Task LetLeaseLapseAsync()
    {
        _time.Advance(Lease + TimeSpan.FromMilliseconds(1));
        return Task.CompletedTask;
    }
}
