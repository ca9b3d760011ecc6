namespace PolicyBot.Teams.Connector;

/// <summary>How the Connector client waits (retry back-off, per-conversation pacing). Tests replace it to record waits instead of sleeping.</summary>
public interface IConnectorDelay
{
    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>Waits on the injected <see cref="TimeProvider"/>.</summary>
public sealed class TimeProviderDelay(TimeProvider timeProvider) : IConnectorDelay
{
    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, timeProvider, cancellationToken);
}
