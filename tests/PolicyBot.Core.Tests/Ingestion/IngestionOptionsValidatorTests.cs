using PolicyBot.Core.Ingestion;

namespace PolicyBot.Core.Tests.Ingestion;

public sealed class IngestionOptionsValidatorTests
{
    private static IReadOnlyList<string> Failures(IngestionOptions options) =>
        new IngestionOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_Defaults_AndGoodFeeds_Pass()
    {
        Assert.Empty(Failures(new IngestionOptions()));
        Assert.Empty(Failures(new IngestionOptions { Feeds = ["https://policy.example/feed.xml", "http://127.0.0.1:8080/atom"], Schedule = TimeSpan.FromMinutes(15) }));
    }

    [Fact]
    public void Validate_BadFeeds_EachNamedByIndexWithTheReason()
    {
        var failures = Failures(new IngestionOptions
        {
            Feeds = ["", "/srv/feed.xml", "mailto:news@policy.example", "https://policy.example/feed.xml", "https://policy.example/feed.xml"],
        });

        Assert.Equal(
        [
            "PolicyBot:Ingestion:Feeds:0 is empty.",
            "PolicyBot:Ingestion:Feeds:1 is not an absolute URL (expected e.g. https://example.org/feed.xml).",
            "PolicyBot:Ingestion:Feeds:2 uses the 'mailto' scheme; only http and https feeds can be fetched.",
            "PolicyBot:Ingestion:Feeds:4 repeats a feed listed before it.",
        ], failures);
    }

    [Fact]
    public void Validate_OutOfRangeLimits_AreRejected()
    {
        var failures = Failures(new IngestionOptions
        {
            Feeds = [.. Enumerable.Range(0, IngestionOptionsValidator.MaxFeeds + 1).Select(i => $"https://policy.example/{i}.xml")],
            Schedule = TimeSpan.Zero,
            WatchDebounce = TimeSpan.FromHours(2),
            FeedTimeout = TimeSpan.FromMilliseconds(10),
            FeedMaxBytes = 10,
            FeedMaxEntries = 0,
        });

        Assert.Equal(
        [
            "PolicyBot:Ingestion:Feeds lists 101 feeds; at most 100 are allowed.",
            "PolicyBot:Ingestion:Schedule must be a positive interval such as 00:15:00, or empty to turn scheduled runs off.",
            "PolicyBot:Ingestion:WatchDebounce must be more than zero and at most 01:00:00.",
            "PolicyBot:Ingestion:FeedTimeout must be between 00:00:01 and 00:10:00.",
            "PolicyBot:Ingestion:FeedMaxBytes must be between 1024 and 209715200 bytes.",
            "PolicyBot:Ingestion:FeedMaxEntries must be between 1 and 1000.",
        ], failures);
    }
}
