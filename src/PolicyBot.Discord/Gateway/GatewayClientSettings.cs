namespace PolicyBot.Discord.Gateway;

/// <summary>Timings and limits of <see cref="DiscordGatewayClient"/>. The defaults follow Discord's docs; tests shorten them.</summary>
public sealed record GatewayClientSettings
{
    /// <summary>Clock for heartbeats, waits and the send limit.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Source of the heartbeat jitter and of the wait after INVALID_SESSION (<see cref="Random.NextDouble"/> only).</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>First wait after a dropped connection or a failed connect; doubles on each failure in a row.</summary>
    public TimeSpan InitialReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>After INVALID_SESSION the client waits a random time in [min, max] before it resumes or identifies.</summary>
    public TimeSpan MinInvalidSessionDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxInvalidSessionDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for Discord's reply to our close frame before dropping the socket.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Handler calls that may run at once.</summary>
    public int HandlerConcurrency { get; init; } = 4;

    /// <summary>Events waiting for a handler; beyond this they are dropped with a warning (the receive loop never waits).</summary>
    public int DispatchQueueCapacity { get; init; } = 1000;

    /// <summary>Discord allows 120 sends per connection per 60 s; the last few are kept for heartbeats.</summary>
    public int SendLimit { get; init; } = 120;

    public TimeSpan SendWindow { get; init; } = TimeSpan.FromSeconds(60);

    public int SendsReservedForHeartbeats { get; init; } = 5;
}
