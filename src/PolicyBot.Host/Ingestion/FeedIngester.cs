using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Ingestion.Readers;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Host.Ingestion;

/// <summary>
/// Each configured RSS/Atom feed ─► conditional GET (304: nothing more to do) ─► each entry's page, conditional GET too ─► read as HTML
/// ─► ingest as a document with a stable id per URL ("feed-" + hash), Sources = [url], the entry's title. Validators are saved only
/// after the pages are ingested, so an interrupted run fetches again; a 304 is trusted only while the documents it stands for are
/// still in the index (after a rebuild everything is fetched again). One failing feed or page does not stop the others.
/// </summary>
public sealed class FeedIngester(
    IHttpClientFactory httpClients,
    IngestionPipeline pipeline,
    IPassageIndex index,
    IFetchValidatorStore validators,
    IOptions<IngestionOptions> options,
    TimeProvider timeProvider,
    ILogger<FeedIngester> logger) : IIngestionSource
{
    public const string HttpClientName = "policybot-feeds";

    private readonly HtmlDocumentReader _html = new();

    public string Name => "feeds";

    public static string DocumentId(Uri url) =>
        "feed-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)))[..16];

    public Task IngestAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);

    /// <summary>Every configured feed once; what happened, for the CLI's report (the scheduled runs only log it).</summary>
    public async Task<FeedRunSummary> RunAsync(CancellationToken cancellationToken)
    {
        var summary = new FeedRunSummary();
        foreach (var feed in options.Value.Feeds)
        {
            if (!Uri.TryCreate(feed, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                logger.FeedUrlInvalid(feed);
                summary = summary with { Failed = summary.Failed + 1 };
                continue;
            }
            try { summary = summary.Add(await IngestFeedAsync(url, cancellationToken)); }
            catch (Exception ex) when (ex is HttpRequestException or XmlException or FormatException or IOException
                                           || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                logger.FeedFailed(url, ex);
                summary = summary with { Failed = summary.Failed + 1 };
            }
        }
        return summary;
    }

    private async Task<FeedRunSummary> IngestFeedAsync(Uri feedUrl, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        var indexed = (await index.ListDocumentsAsync(cancellationToken)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var known = await validators.GetAsync(feedUrl, cancellationToken);
        var fetched = await FetchAsync(http, feedUrl, known?.DocumentIds?.All(indexed.Contains) == true ? known : null, cancellationToken);
        if (fetched is null)
        {
            logger.FeedNotModified(feedUrl);
            return new FeedRunSummary(NotModified: 1);
        }
        var entries = FeedParser.Parse(Encoding.UTF8.GetString(fetched.Body), feedUrl).Take(options.Value.FeedMaxEntries).ToList();

        var documents = new List<SourceDocument>();
        var pages = new List<(Uri Url, FetchValidators Validators)>();
        var failedPages = 0;
        foreach (var entry in entries)
        {
            try
            {
                var page = await FetchAsync(http, entry.Link,
                    indexed.Contains(DocumentId(entry.Link)) ? await validators.GetAsync(entry.Link, cancellationToken) : null, cancellationToken);
                if (page is null) continue;
                documents.Add(await ReadPageAsync(entry, page.Body, cancellationToken));
                pages.Add((entry.Link, page.Validators));
            }
            catch (Exception ex) when (ex is HttpRequestException or DocumentFormatException or IOException
                                           || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                logger.PageFailed(entry.Link, ex);
                failedPages++;
            }
        }

        var report = await pipeline.IngestDocumentsAsync(documents, null, cancellationToken);
        var now = timeProvider.GetUtcNow();
        foreach (var (url, pageValidators) in pages)
            if (!pageValidators.IsEmpty) await validators.SaveAsync(url, pageValidators, now, cancellationToken);
        await validators.SaveAsync(feedUrl, fetched.Validators with { DocumentIds = [.. entries.Select(e => DocumentId(e.Link))] }, now, cancellationToken);
        logger.FeedIngested(feedUrl, entries.Count, pages.Count, report.Added, report.Updated);
        return new FeedRunSummary(Read: 1, PagesFetched: pages.Count, PagesFailed: failedPages, Added: report.Added, Updated: report.Updated);
    }

    private async Task<SourceDocument> ReadPageAsync(FeedEntry entry, byte[] body, CancellationToken cancellationToken)
    {
        var url = entry.Link.AbsoluteUri;
        var document = await _html.ReadAsync(new MemoryStream(body), url, cancellationToken);
        if (document.Sections.All(s => string.IsNullOrWhiteSpace(s.Text)))
            throw new DocumentFormatException("the page has no text");
        return document with
        {
            Id = DocumentId(entry.Link),
            Title = entry.Title ?? document.Title,
            SourcePath = url,
            Metadata = document.Metadata with { Sources = [url] },
        };
    }

    /// <returns>Null when the server answers 304 Not Modified.</returns>
    private static async Task<Fetched?> FetchAsync(HttpClient http, Uri url, FetchValidators? known, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (known?.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (known?.LastModified is { } modified) request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified) return null;
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var lastModified = response.Content.Headers.TryGetValues("Last-Modified", out var values) ? values.FirstOrDefault() : null;
        return new Fetched(body, new FetchValidators(response.Headers.ETag?.ToString(), lastModified));
    }

    private sealed record Fetched(byte[] Body, FetchValidators Validators);
}

/// <summary>One run over the configured feeds: feeds read, unchanged (304) or failed; pages fetched or failed; documents added or updated.</summary>
public sealed record FeedRunSummary(int Read = 0, int NotModified = 0, int Failed = 0, int PagesFetched = 0, int PagesFailed = 0, int Added = 0, int Updated = 0)
{
    public FeedRunSummary Add(FeedRunSummary other) => new(Read + other.Read, NotModified + other.NotModified, Failed + other.Failed,
        PagesFetched + other.PagesFetched, PagesFailed + other.PagesFailed, Added + other.Added, Updated + other.Updated);

    public override string ToString() =>
        $"Feeds: {Read} read, {NotModified} not modified, {Failed} failed; {PagesFetched} pages fetched, {PagesFailed} failed; {Added} added, {Updated} updated.";
}
