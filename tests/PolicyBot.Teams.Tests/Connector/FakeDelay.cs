using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Teams.Connector;

namespace PolicyBot.Teams.Tests.Connector;

/// <summary>Records every wait and moves the fake clock forward by it instead of sleeping.</summary>
internal sealed class FakeDelay(FakeTimeProvider clock) : IConnectorDelay
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    public IReadOnlyList<TimeSpan> Waits => [.. _waits];

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _waits.Enqueue(delay);
        clock.Advance(delay);
        return Task.CompletedTask;
    }
}
