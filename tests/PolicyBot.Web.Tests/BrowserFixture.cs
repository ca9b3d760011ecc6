using Microsoft.Playwright;

namespace PolicyBot.Web.Tests;

/// <summary>
/// One server and one headless Debian Chromium shared by every scenario (each scenario opens its own context and page).
/// Nothing starts when Chromium is absent: the scenarios are then skipped by <see cref="ChromiumFactAttribute"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // The machine has no network: without these Chromium waits on connections it can never make.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private WebChatServer? _server;

    public WebChatServer Server => _server ?? throw new InvalidOperationException("The server did not start.");
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium did not start.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ExecutablePath)) return;
        _server = await WebChatServer.StartAsync();
        // The Node driver ships in the package (.playwright/ next to the test assembly); no browser is ever downloaded.
        _playwright = await Playwright.CreateAsync();
        // Playwright gives each launch a fresh temporary profile (user data dir), removed when the browser closes.
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = ChromiumArgs,
        });
        // Answers are computed on a busy 2-core machine: wait generously for them (a bound, not a speed check).
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Web chat in Chromium";
}
