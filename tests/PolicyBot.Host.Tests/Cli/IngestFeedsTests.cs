using Microsoft.AspNetCore.Http;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Cli;

/// <summary>`policybot ingest` fetches the configured feeds after the files (a loopback site serves an Atom feed and its page).</summary>
public sealed class IngestFeedsTests : IAsyncLifetime, IDisposable
{
    private const string FeedETag = "\"feed-v1\"";
    private readonly CliWorkspace _cli = new();
    private LoopbackServer _site = null!;

    public async Task InitializeAsync() => _site = await LoopbackServer.StartAsync(async (context, _) =>
    {
        if (context.Request.Path == "/feed.atom")
        {
            if (context.Request.Headers.IfNoneMatch == FeedETag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            context.Response.Headers.ETag = FeedETag;
            context.Response.ContentType = "application/atom+xml";
            await context.Response.WriteAsync("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Notices</title>
                  <entry><title>Ruritania cobalt levy</title><link href="/pages/cobalt"/><id>urn:co</id></entry>
                </feed>
                """);
            return;
        }
        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync("<html><body><main><h1>Cobalt</h1><p>Ruritania levies 12 percent of the export value of cobalt hydroxide.</p></main></body></html>");
    });

    public async Task DisposeAsync() => await _site.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    private Dictionary<string, string?> Settings(string feed) => new()
    {
        ["PolicyBot:Ingestion:Feeds:0"] = feed,
        ["PolicyBot:State:Path"] = _cli.File("state.db"),
    };

    [Fact]
    public async Task Ingest_WithFeeds_IngestsTheFeedsPage_ThenTheUnchangedFeedIsNotFetchedAgain()
    {
        _cli.AddDocument("nickel.md", "# Ruritania nickel quota\n\nRuritania caps nickel ore exports at 5 million tonnes a year from 2026.");
        var feed = new Uri(_site.Address, "/feed.atom").AbsoluteUri;

        var first = await _cli.RunAsync(["ingest"], Settings(feed));
        var second = await _cli.RunAsync(["ingest"], Settings(feed));
        var search = await _cli.RunAsync(["search", "cobalt hydroxide levy", "--top", "3"], Settings(feed));

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("1 added", first.Output);
        Assert.Contains("Feeds: 1 read, 0 not modified, 0 failed; 1 pages fetched, 0 failed; 1 added, 0 updated.", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Feeds: 0 read, 1 not modified, 0 failed; 0 pages fetched, 0 failed; 0 added, 0 updated.", second.Output);
        Assert.Equal(["/feed.atom", "/pages/cobalt", "/feed.atom"], _site.Requests.Select(r => r.PathAndQuery));
        Assert.True(search.Output.Contains("Ruritania cobalt levy", StringComparison.Ordinal), search.Error + search.Output);
    }

    [Fact]
    public async Task Ingest_NoFeedsFlag_FetchesNothing()
    {
        _cli.AddDocument("nickel.md", "# Ruritania nickel quota\n\nRuritania caps nickel ore exports at 5 million tonnes a year from 2026.");

        var result = await _cli.RunAsync(["ingest", "--no-feeds"], Settings(new Uri(_site.Address, "/feed.atom").AbsoluteUri));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 added", result.Output);
        Assert.DoesNotContain("Feeds:", result.Output);
        Assert.Empty(_site.Requests);
    }

    [Fact]
    public async Task Ingest_FeedServerFails_ReportsItAndExitsWithFailure()
    {
        _cli.AddDocument("nickel.md", "# Ruritania nickel quota\n\nRuritania caps nickel ore exports at 5 million tonnes a year from 2026.");
        string closed;
        await using (var gone = await LoopbackServer.StartAsync((_, _) => Task.CompletedTask)) closed = new Uri(gone.Address, "/feed.atom").AbsoluteUri;

        var result = await _cli.RunAsync(["ingest"], Settings(closed));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Feeds: 0 read, 0 not modified, 1 failed;", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
    }

    [Theory]
    [InlineData("ftp://policy.example/feed.xml", "PolicyBot:Ingestion:Feeds:0 uses the 'ftp' scheme; only http and https feeds can be fetched.")]
    [InlineData("feeds/notices.xml", "PolicyBot:Ingestion:Feeds:0 is not an absolute URL")]
    [InlineData("https://user:secret-token@policy.example/feed.xml", "PolicyBot:Ingestion:Feeds:0 contains a user name or password")]
    public async Task Ingest_BadFeedUrl_IsAConfigurationErrorNamingTheKey(string feed, string message)
    {
        var result = await _cli.RunAsync(["ingest"], Settings(feed));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Configuration error: " + message, result.Error);
        Assert.DoesNotContain("secret-token", result.Error + result.Output);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Empty(_site.Requests);
    }
}
