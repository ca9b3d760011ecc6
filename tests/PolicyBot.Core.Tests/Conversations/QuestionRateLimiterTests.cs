using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Conversations.RateLimiting;

namespace PolicyBot.Core.Tests.Conversations;

public sealed class QuestionRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-30T09:00:00Z"));

    private QuestionRateLimiter Limiter(int userPerMinute = 6, int userBurst = 3, int channelPerMinute = 60, int channelBurst = 100, bool enabled = true) =>
        new(Options.Create(new RateLimitOptions
        {
            Enabled = enabled,
            PerUser = new RateLimitRule { QuestionsPerMinute = userPerMinute, Burst = userBurst },
            PerChannel = new RateLimitRule { QuestionsPerMinute = channelPerMinute, Burst = channelBurst },
        }), _time);

    [Fact]
    public void TryAcquire_BurstThenOverTheLimit_SaysHowLongUntilTheNextToken()
    {
        var limiter = Limiter(userPerMinute: 6, userBurst: 3);

        Assert.All(Enumerable.Range(0, 3), _ => Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("discord", "u1", "c1")));
        var wait = limiter.TryAcquire("discord", "u1", "c1");

        Assert.Equal(TimeSpan.FromSeconds(10), wait);   // 6 a minute: one token every 10 s
    }

    [Fact]
    public void TryAcquire_AfterTheWait_LetsOneMoreThrough()
    {
        var limiter = Limiter(userPerMinute: 6, userBurst: 1);
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("teams", "u1", "c1"));

        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.FromSeconds(6), limiter.TryAcquire("teams", "u1", "c1"));
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("teams", "u1", "c1"));
        Assert.True(limiter.TryAcquire("teams", "u1", "c1") > TimeSpan.Zero);
    }

    [Fact]
    public void TryAcquire_OneUserOverTheLimit_DoesNotSlowDownOthers()
    {
        var limiter = Limiter(userBurst: 1);
        limiter.TryAcquire("web", "u1", "c1");

        Assert.True(limiter.TryAcquire("web", "u1", "c1") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("web", "u2", "c1"));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("discord", "u1", "c1"));   // the same id on another platform is another user
    }

    [Fact]
    public void TryAcquire_BusyChannel_LimitsEveryoneInIt()
    {
        var limiter = Limiter(userBurst: 10, channelPerMinute: 2, channelBurst: 2);

        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("teams", "u1", "busy"));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("teams", "u2", "busy"));
        Assert.Equal(TimeSpan.FromSeconds(30), limiter.TryAcquire("teams", "u3", "busy"));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("teams", "u3", "quiet"));
    }

    [Fact]
    public void TryAcquire_RefusedQuestion_TakesNoToken()
    {
        // u1's refusals by the channel limit must not use up u1's own bucket.
        var limiter = Limiter(userPerMinute: 60, userBurst: 2, channelPerMinute: 1, channelBurst: 1);
        limiter.TryAcquire("web", "u0", "busy");
        for (var i = 0; i < 5; i++) Assert.True(limiter.TryAcquire("web", "u1", "busy") > TimeSpan.Zero);

        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("web", "u1", "elsewhere"));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("web", "u1", "elsewhere-2"));
    }

    [Fact]
    public void TryAcquire_Disabled_NeverLimits()
    {
        var limiter = Limiter(userBurst: 1, enabled: false);
        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("web", "u1", "c1")));
    }

    [Theory]
    [InlineData(0.2, "try again in 1 second.")]
    [InlineData(9.1, "try again in 10 seconds.")]
    public void Message_IsFriendlyAndRoundsUp(double seconds, string ending)
    {
        var text = QuestionRateLimiter.Message(TimeSpan.FromSeconds(seconds));
        Assert.StartsWith("You're asking faster than I can keep up", text);
        Assert.EndsWith(ending, text);
    }

    [Theory]
    [InlineData(0, 5, "PolicyBot:RateLimits:PerUser:QuestionsPerMinute")]
    [InlineData(10, 0, "PolicyBot:RateLimits:PerUser:Burst")]
    public void Options_OutOfRange_AreRejectedWithTheKey(int perMinute, int burst, string key)
    {
        var options = new RateLimitOptions { PerUser = new RateLimitRule { QuestionsPerMinute = perMinute, Burst = burst } };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.ErrorMessage!.StartsWith(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Options_Defaults_AreValid()
    {
        var options = new RateLimitOptions();
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }
}
