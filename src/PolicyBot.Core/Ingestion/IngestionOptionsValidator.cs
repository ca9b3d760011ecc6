using Microsoft.Extensions.Options;

namespace PolicyBot.Core.Ingestion;

/// <summary>
/// Checks the ingestion settings at startup, naming the key: feeds must be absolute http(s) URLs without credentials, listed once;
/// the schedule, watch debounce and feed limits must be within sane bounds.
/// </summary>
public sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    public const int MaxFeeds = 100;
    public static readonly TimeSpan MinFeedTimeout = TimeSpan.FromSeconds(1), MaxFeedTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxWatchDebounce = TimeSpan.FromHours(1);
    public const long MinFeedMaxBytes = 1024, MaxFeedMaxBytes = 200L * 1024 * 1024;
    public const int MaxFeedMaxEntries = 1000;

    private const string Section = IngestionOptions.Section;

    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        var failures = new List<string>();
        if (options.Feeds.Count > MaxFeeds)
            failures.Add($"{Section}:Feeds lists {options.Feeds.Count} feeds; at most {MaxFeeds} are allowed.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Feeds.Count; i++)
        {
            var feed = options.Feeds[i]?.Trim() ?? "";
            if (FeedProblem(feed) is { } problem) failures.Add($"{Section}:Feeds:{i} {problem}");
            else if (!seen.Add(new Uri(feed).AbsoluteUri)) failures.Add($"{Section}:Feeds:{i} repeats a feed listed before it.");
        }
        if (options.Schedule is { } schedule && schedule <= TimeSpan.Zero)
            failures.Add($"{Section}:Schedule must be a positive interval such as 00:15:00, or empty to turn scheduled runs off.");
        if (options.WatchDebounce <= TimeSpan.Zero || options.WatchDebounce > MaxWatchDebounce)
            failures.Add($"{Section}:WatchDebounce must be more than zero and at most {MaxWatchDebounce:c}.");
        if (options.FeedTimeout < MinFeedTimeout || options.FeedTimeout > MaxFeedTimeout)
            failures.Add($"{Section}:FeedTimeout must be between {MinFeedTimeout:c} and {MaxFeedTimeout:c}.");
        if (options.FeedMaxBytes < MinFeedMaxBytes || options.FeedMaxBytes > MaxFeedMaxBytes)
            failures.Add($"{Section}:FeedMaxBytes must be between {MinFeedMaxBytes} and {MaxFeedMaxBytes} bytes.");
        if (options.FeedMaxEntries < 1 || options.FeedMaxEntries > MaxFeedMaxEntries)
            failures.Add($"{Section}:FeedMaxEntries must be between 1 and {MaxFeedMaxEntries}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // The value is not echoed back: a URL with a token in its query would otherwise end up in logs.
    private static string? FeedProblem(string feed)
    {
        if (feed.Length == 0) return "is empty.";
        if (!Uri.TryCreate(feed, UriKind.Absolute, out var url) || url.IsFile || url.IsUnc)
            return "is not an absolute URL (expected e.g. https://example.org/feed.xml).";
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            return $"uses the '{url.Scheme}' scheme; only http and https feeds can be fetched.";
        if (url.UserInfo.Length > 0)
            return "contains a user name or password; feeds are fetched without credentials.";
        return null;
    }
}
