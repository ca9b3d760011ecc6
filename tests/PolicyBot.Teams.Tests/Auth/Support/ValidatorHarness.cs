using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Teams.Auth;

namespace PolicyBot.Teams.Tests.Auth.Support;

/// <summary>The validator as the host would build it (AddTeamsAuthentication + bound TeamsOptions), on a fake clock that starts at the real time.</summary>
internal sealed class ValidatorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ValidatorHarness(ServiceProvider services, FakeTimeProvider time, CapturingLoggerProvider logs) =>
        (_services, Time, Logs) = (services, time, logs);

    public FakeTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; }

    public BotFrameworkTokenValidator Validator => _services.GetRequiredService<BotFrameworkTokenValidator>();

    public static ValidatorHarness Create(Uri metadataUrl, string? appId = AuthScenario.AppId)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        services.AddSingleton<TimeProvider>(time);
        services.Configure<TeamsOptions>(options =>
        {
            options.AppId = appId;
            options.OpenIdMetadataUrl = metadataUrl.ToString();
        });
        services.AddTeamsAuthentication();
        return new ValidatorHarness(services.BuildServiceProvider(validateScopes: true), time, logs);
    }

    public Task<TokenValidationOutcome> ValidateAsync(AuthScenario scenario) =>
        Validator.ValidateAsync(scenario.AuthorizationHeader(Time.GetUtcNow()), scenario.Activity, CancellationToken.None);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
