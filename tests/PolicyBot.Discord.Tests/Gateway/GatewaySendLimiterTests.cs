using Microsoft.Extensions.Time.Testing;
using PolicyBot.Discord.Gateway;

namespace PolicyBot.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    [Fact]
    public async Task WaitAsync_WindowFull_WaitsUntilTheOldestSendLeavesIt()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time, limit: 3, TimeSpan.FromSeconds(60), reservedForHeartbeats: 1);
        await limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(10));
        await limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);

        var third = limiter.WaitAsync(isHeartbeat: false, CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(49));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1.01));

        Assert.True(await third.WaitAsync(TimeSpan.FromSeconds(10)) > TimeSpan.Zero);
    }

    [Fact]
    public async Task WaitAsync_Heartbeat_UsesTheReservedSlot()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time, limit: 3, TimeSpan.FromSeconds(60), reservedForHeartbeats: 1);
        await limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);
        await limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);

        var blocked = limiter.WaitAsync(isHeartbeat: false, CancellationToken.None).AsTask();
        var heartbeat = limiter.WaitAsync(isHeartbeat: true, CancellationToken.None);

        Assert.True(heartbeat.IsCompletedSuccessfully);
        Assert.Equal(TimeSpan.Zero, await heartbeat);
        Assert.False(blocked.IsCompleted);
    }
}
