using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord.Tests.Rest;

/// <summary>The wiring the integrator is asked to add (see DiscordRestClient's docs) resolves and shares one limiter.</summary>
public sealed class DiscordRestClientRegistrationTests
{
    [Fact]
    public void TypedClient_WithSingletonLimiter_SharesRateLimitStateAcrossInstances()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<DiscordOptions>().Configure(o => o.Token = "t");
        services.AddSingleton<DiscordRateLimiter>();
        services.AddHttpClient<DiscordRestClient>().RemoveAllLoggers();
        using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<DiscordRestClient>();
        var second = provider.GetRequiredService<DiscordRestClient>();

        Assert.NotSame(first, second);
        Assert.Same(provider.GetRequiredService<DiscordRateLimiter>(), first.RateLimiter);
        Assert.Same(first.RateLimiter, second.RateLimiter);
    }
}
