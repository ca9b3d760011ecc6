using PolicyBot.Core.Ingestion;

namespace PolicyBot.Core.Tests.State.Contracts;

/// <summary>What every <see cref="IFetchValidatorStore"/> must do.</summary>
public abstract class FetchValidatorStoreContractTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Uri Feed = new("https://policy.example/feed.atom");
    private static readonly Uri Page = new("https://policy.example/pages/graphite?lang=en");

    protected abstract IFetchValidatorStore Store { get; }

    protected abstract IFetchValidatorStore Reopen();

    [StoreFact]
    public async Task GetAsync_UnknownUrl_IsNull()
    {
        Assert.Null(await Store.GetAsync(Feed, None));
    }

    [StoreFact]
    public async Task SaveAsync_ThenReopen_KeepsValidatorsAndDocumentIdsPerUrl()
    {
        await Store.SaveAsync(Feed, new FetchValidators("\"v1\"", "Mon, 30 Nov 2026 08:00:00 GMT", ["feed-a", "feed-b"]), At, None);
        await Store.SaveAsync(Page, new FetchValidators(null, "Sun, 29 Nov 2026 08:00:00 GMT"), At, None);

        var reopened = Reopen();
        var feed = await reopened.GetAsync(Feed, None);
        var page = await reopened.GetAsync(Page, None);

        Assert.Equal(("\"v1\"", "Mon, 30 Nov 2026 08:00:00 GMT"), (feed!.ETag, feed.LastModified));
        Assert.Equal(["feed-a", "feed-b"], feed.DocumentIds!);
        Assert.Equal(((string?)null, "Sun, 29 Nov 2026 08:00:00 GMT"), (page!.ETag, page.LastModified));
        Assert.Null(page.DocumentIds);
    }

    [StoreFact]
    public async Task SaveAsync_SameUrl_ReplacesEverything()
    {
        await Store.SaveAsync(Feed, new FetchValidators("\"v1\"", "Mon, 30 Nov 2026 08:00:00 GMT", ["feed-a"]), At, None);

        await Store.SaveAsync(Feed, new FetchValidators("\"v2\"", null, []), At.AddHours(1), None);

        var feed = await Store.GetAsync(Feed, None);
        Assert.Equal(("\"v2\"", (string?)null), (feed!.ETag, feed.LastModified));
        Assert.Empty(feed.DocumentIds!);
    }
}
