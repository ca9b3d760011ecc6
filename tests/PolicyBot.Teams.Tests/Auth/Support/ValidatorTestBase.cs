namespace PolicyBot.Teams.Tests.Auth.Support;

/// <summary>A fresh loopback OpenID/JWKS server (default keys) and a validator pointed at it, per test.</summary>
public abstract class ValidatorTestBase : IAsyncLifetime
{
    private BotFrameworkKeyServer? _server;
    private ValidatorHarness? _harness;

    internal BotFrameworkKeyServer Server => _server ?? throw new InvalidOperationException("not initialized");

    internal ValidatorHarness Harness => _harness ?? throw new InvalidOperationException("not initialized");

    public async Task InitializeAsync()
    {
        _server = await BotFrameworkKeyServer.StartAsync();
        _harness = ValidatorHarness.Create(_server.MetadataUrl);
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}
