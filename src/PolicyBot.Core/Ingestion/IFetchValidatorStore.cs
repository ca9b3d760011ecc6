namespace PolicyBot.Core.Ingestion;

/// <summary>What a server said about a URL's version last time, for a conditional GET (If-None-Match / If-Modified-Since).</summary>
/// <param name="DocumentIds">For a feed: the documents its entries became, so a 304 is trusted only while they are all still indexed.</param>
public sealed record FetchValidators(string? ETag, string? LastModified, IReadOnlyList<string>? DocumentIds = null)
{
    public bool IsEmpty => ETag is null && LastModified is null;
}

/// <summary>ETag and Last-Modified per fetched URL (feeds and their pages), kept with the rest of the bot's state.</summary>
public interface IFetchValidatorStore
{
    Task<FetchValidators?> GetAsync(Uri url, CancellationToken cancellationToken);

    /// <summary>Replaces what is stored for the URL.</summary>
    Task SaveAsync(Uri url, FetchValidators validators, DateTimeOffset at, CancellationToken cancellationToken);
}
