using Microsoft.Extensions.Options;
using PolicyBot.Discord.Gateway;

namespace PolicyBot.Discord.Tests.Gateway.Fakes;

/// <summary>A <see cref="DiscordGatewayClient"/> running against a <see cref="FakeGateway"/> with test timings; disposing stops it.</summary>
internal sealed class GatewayClientRun : IAsyncDisposable
{
    public const string Token = "test-token.NEVER-LOG-ME";

    private readonly CancellationTokenSource _cts = new();

    private GatewayClientRun(FakeGateway gateway, IGatewayEventHandler handler, GatewayClientSettings settings)
    {
        var options = Options.Create(new DiscordOptions { Token = Token, GatewayUrl = gateway.Url.ToString() });
        Client = new DiscordGatewayClient(options, handler, Logger, settings);
        Task = Client.RunAsync(_cts.Token);
    }

    public DiscordGatewayClient Client { get; }

    public Task Task { get; }

    public RecordingLogger<DiscordGatewayClient> Logger { get; } = new();

    /// <summary>Jitter 0 (first heartbeat right after HELLO), short reconnect and invalid-session waits.</summary>
    public static GatewayClientSettings FastSettings => new()
    {
        Random = new ZeroRandom(),
        InitialReconnectDelay = TimeSpan.FromMilliseconds(20),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
        MinInvalidSessionDelay = TimeSpan.FromMilliseconds(20),
        MaxInvalidSessionDelay = TimeSpan.FromMilliseconds(20),
        CloseTimeout = TimeSpan.FromSeconds(2),
    };

    public static GatewayClientRun Start(FakeGateway gateway, IGatewayEventHandler? handler = null, GatewayClientSettings? settings = null) =>
        new(gateway, handler ?? new RecordingHandler(), settings ?? FastSettings);

    /// <summary>Waits for RunAsync to end by itself (fatal close) and returns how it ended.</summary>
    public async Task<Exception?> EndedAsync()
    {
        try
        {
            await Task.WaitAsync(FakeGateway.Timeout);
            return null;
        }
        catch (Exception ex) when (ex is not TimeoutException)
        {
            return ex;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        try
        {
            await Task.WaitAsync(FakeGateway.Timeout);
        }
        catch (Exception ex) when (ex is OperationCanceledException or DiscordGatewayFatalException)
        {
            // Cancelled as asked, or already ended with a fatal close the test looked at.
        }
        _cts.Dispose();
    }

    /// <summary>NextDouble() = 0: no heartbeat jitter, shortest invalid-session wait.</summary>
    private sealed class ZeroRandom : Random
    {
        public override double NextDouble() => 0;

        protected override double Sample() => 0;
    }
}
