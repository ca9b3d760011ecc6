using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Composition;
using PolicyBot.Core.Embedded;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Retrieval;
using PolicyBot.Core.State;
using PolicyBot.Host.Ingestion;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Ingestion;

public sealed class FeedIngesterTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private readonly FeedSite _site = new();
    private readonly CountingEmbedder _embedder = new();
    private LoopbackServer _server = null!;
    private SqlitePassageIndex _index = null!;
    private SqliteIngestionHistory _history = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(_site.HandleAsync);
        _index = new SqlitePassageIndex(Options.Create(new EmbeddedIndexOptions { Path = _temp.File("index.db") }));
        await _index.InitializeAsync(_embedder.ModelId, _embedder.Dimensions, CancellationToken.None);
        _history = new SqliteIngestionHistory(new SqliteStateDatabase(_temp.File("state.db")));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _index.DisposeAsync();
        _temp.Dispose();
    }

    // A new ingester each time, as after a restart: validators must come from the state file.
    private FeedIngester Ingester(params string[] feeds)
    {
        var options = Options.Create(new IngestionOptions { Feeds = [.. feeds.Select(f => new Uri(_server.Address, f).AbsoluteUri)] });
        var pipeline = new IngestionPipeline(_index, _embedder, DocumentReaderRegistry.CreateDefault(), options, TimeProvider.System,
            NullLogger<IngestionPipeline>.Instance, _history);
        return new FeedIngester(new SingleClientFactory(), pipeline, _index, new SqliteFetchValidatorStore(_temp.File("state.db")), options,
            TimeProvider.System, NullLogger<FeedIngester>.Instance);
    }

    private Uri Page(string name) => new(_server.Address, "/pages/" + name);

    private int PageRequests() { lock (_server.Requests) return _server.Requests.Count(r => r.PathAndQuery.StartsWith("/pages/", StringComparison.Ordinal)); }

    [Fact]
    public async Task IngestAsync_AtomFeedFirstRun_IngestsLinkedPagesAsNewDocuments()
    {
        _site.AddEntry("graphite", "Graphite export licences", "China requires licences for spherical graphite exports.");
        _site.AddEntry("lithium", "Lithium tariff change", "The United States raises tariffs on lithium carbonate.");

        await Ingester("/feed.atom").IngestAsync(CancellationToken.None);

        var documents = await _index.ListDocumentsAsync(CancellationToken.None);
        var graphite = Assert.Single(documents, d => d.Id == FeedIngester.DocumentId(Page("graphite")));
        Assert.Equal("Graphite export licences", graphite.Title);
        Assert.Equal([Page("graphite").AbsoluteUri], graphite.Metadata.Sources);
        Assert.Contains(documents, d => d.Id == FeedIngester.DocumentId(Page("lithium")));
        var changes = await _history.ListSinceAsync(DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Equal(2, changes.Count(c => c.Kind == DocumentChangeKind.Added && c.DocumentId.StartsWith("feed-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task IngestAsync_RssFeed_IngestsLinkedPages()
    {
        _site.AddEntry("cobalt", "Cobalt due diligence", "Refiners must report cobalt origins.");

        await Ingester("/feed.rss").IngestAsync(CancellationToken.None);

        var document = Assert.Single(await _index.ListDocumentsAsync(CancellationToken.None));
        Assert.Equal((FeedIngester.DocumentId(Page("cobalt")), "Cobalt due diligence"), (document.Id, document.Title));
    }

    [Fact]
    public async Task IngestAsync_FeedUnchanged_Answers304AndCausesNoPageFetchesOrEmbeddings()
    {
        _site.AddEntry("graphite", "Graphite export licences", "China requires licences for spherical graphite exports.");
        await Ingester("/feed.atom").IngestAsync(CancellationToken.None);
        var (pages, embeddings) = (PageRequests(), _embedder.Calls);

        await Ingester("/feed.atom").IngestAsync(CancellationToken.None);

        Assert.Equal(1, _site.NotModifiedFeeds);
        Assert.Equal(pages, PageRequests());
        Assert.Equal(embeddings, _embedder.Calls);
        RecordedRequest last;
        lock (_server.Requests) last = _server.Requests[^1];
        Assert.Equal(_site.FeedETag, last.Headers["If-None-Match"]);
        Assert.True(last.Headers.ContainsKey("If-Modified-Since"));
    }

    [Fact]
    public async Task IngestAsync_NewEntryLater_IsIngestedAndOldPagesAreNotRefetched()
    {
        _site.AddEntry("graphite", "Graphite export licences", "China requires licences for spherical graphite exports.");
        await Ingester("/feed.atom").IngestAsync(CancellationToken.None);
        var since = (await _history.ListSinceAsync(DateTimeOffset.MinValue, CancellationToken.None)).Max(c => c.At);

        _site.AddEntry("nickel", "Nickel ore export ban", "Indonesia bans the export of nickel ore.");
        await Ingester("/feed.atom").IngestAsync(CancellationToken.None);

        Assert.Contains(await _index.ListDocumentsAsync(CancellationToken.None), d => d.Id == FeedIngester.DocumentId(Page("nickel")));
        Assert.Equal(1, _site.NotModifiedPages);   // the graphite page answered 304
        var added = (await _history.ListSinceAsync(since, CancellationToken.None)).Where(c => c.Kind == DocumentChangeKind.Added).ToList();
        Assert.Equal([FeedIngester.DocumentId(Page("nickel"))], added.Select(c => c.DocumentId));
    }

    [Fact]
    public async Task IngestAsync_NewEntry_AppearsAsNewInTheNextBriefing()
    {
        _site.AddEntry("graphite", "Graphite export licences", "China requires licences for spherical graphite exports.");
        await Ingester("/feed.atom").IngestAsync(CancellationToken.None);
        var lastBriefing = (await _history.ListSinceAsync(DateTimeOffset.MinValue, CancellationToken.None)).Max(c => c.At);

        _site.AddEntry("nickel", "Nickel ore export ban", "Indonesia bans the export of nickel ore.");
        await Ingester("/feed.atom").IngestAsync(CancellationToken.None);
        var composer = new BriefingComposer(_history, _index, new Extractive(), NullLogger<BriefingComposer>.Instance);
        var subscription = new BriefingSubscription("b1", "discord", "chan-1", new BriefingSchedule(ScheduleKind.Daily, new TimeOnly(8, 0), null, null, "UTC"),
            [], [], false, "u1", lastBriefing.AddDays(-1), lastBriefing);
        var briefing = await composer.ComposeAsync(subscription, lastBriefing, DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);

        var item = Assert.Single(briefing.Items, i => i.Kind == BriefingItemKind.New);
        Assert.Equal(("Nickel ore export ban", FeedIngester.DocumentId(Page("nickel"))), (item.Title, item.DocumentId));
        Assert.NotNull(item.Citation);
    }

    [Fact]
    public async Task IngestAsync_IndexLostTheDocuments_FetchesFeedAndPagesAgainDespiteValidators()
    {
        _site.AddEntry("graphite", "Graphite export licences", "China requires licences for spherical graphite exports.");
        await Ingester("/feed.atom").IngestAsync(CancellationToken.None);
        await _index.DeleteDocumentAsync(FeedIngester.DocumentId(Page("graphite")), CancellationToken.None);   // as after `ingest --rebuild`

        await Ingester("/feed.atom").IngestAsync(CancellationToken.None);

        Assert.Equal((0, 0), (_site.NotModifiedFeeds, _site.NotModifiedPages));
        Assert.Contains(await _index.ListDocumentsAsync(CancellationToken.None), d => d.Id == FeedIngester.DocumentId(Page("graphite")));
    }

    [Fact]
    public async Task IngestAsync_FeedFails_OtherFeedsStillIngested()
    {
        _site.AddEntry("graphite", "Graphite export licences", "China requires licences for spherical graphite exports.");

        await Ingester("/missing.atom", "/feed.rss").IngestAsync(CancellationToken.None);

        Assert.Single(await _index.ListDocumentsAsync(CancellationToken.None));
    }

    /// <summary>Serves /feed.atom, /feed.rss and /pages/{name}, honouring If-None-Match and If-Modified-Since.</summary>
    private sealed class FeedSite
    {
        private readonly Lock _lock = new();
        private readonly List<(string Name, string Title, string Body)> _entries = [];
        private int _version;

        public string FeedETag { get { lock (_lock) return $"\"feed-v{_version}\""; } }
        public int NotModifiedFeeds { get; private set; }
        public int NotModifiedPages { get; private set; }

        public void AddEntry(string name, string title, string body)
        {
            lock (_lock)
            {
                _entries.Add((name, title, body));
                _version++;
            }
        }

        public async Task HandleAsync(HttpContext context, string requestBody)
        {
            var path = context.Request.Path.Value ?? "";
            List<(string Name, string Title, string Body)> entries;
            string etag;
            lock (_lock) (entries, etag) = ([.. _entries], $"\"feed-v{_version}\"");
            if (path is "/feed.atom" or "/feed.rss")
            {
                if (NotModified(context, etag)) { NotModifiedFeeds++; return; }
                context.Response.ContentType = path.EndsWith("atom", StringComparison.Ordinal) ? "application/atom+xml" : "application/rss+xml";
                await context.Response.WriteAsync(path.EndsWith("atom", StringComparison.Ordinal) ? Atom(entries) : Rss(entries));
                return;
            }
            var entry = entries.FirstOrDefault(e => path == "/pages/" + e.Name);
            if (entry.Name is null) { context.Response.StatusCode = StatusCodes.Status404NotFound; return; }
            if (NotModified(context, $"\"page-{entry.Name}\"")) { NotModifiedPages++; return; }
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync($"<html><head><title>{entry.Title} | Ministry</title></head><body><nav>Home</nav><main><h1>{entry.Title}</h1><p>{entry.Body}</p></main></body></html>");
        }

        private static bool NotModified(HttpContext context, string etag)
        {
            var lastModified = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToString("R");
            if (context.Request.Headers.IfNoneMatch.ToString() == etag && context.Request.Headers.IfModifiedSince.ToString() == lastModified)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return true;
            }
            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = lastModified;
            return false;
        }

        private static string Atom(List<(string Name, string Title, string Body)> entries) => $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Policy notices</title>
              {string.Concat(entries.Select(e => $"<entry><title>{e.Title}</title><link rel=\"alternate\" href=\"/pages/{e.Name}\"/><id>urn:{e.Name}</id></entry>"))}
            </feed>
            """;

        private static string Rss(List<(string Name, string Title, string Body)> entries) => $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Policy notices</title>
              {string.Concat(entries.Select(e => $"<item><title>{e.Title}</title><link>/pages/{e.Name}</link></item>"))}
            </channel></rss>
            """;
    }

    private sealed class Extractive : IAnswerComposer
    {
        public Task<ComposedText> ComposeAsync(AnswerContext context, CancellationToken cancellationToken) =>
            Task.FromResult(new ComposedText(ExtractiveComposer.Compose(context)));
    }

    private sealed class SingleClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    /// <summary>Counts embedding calls; vectors are a cheap deterministic function of the text.</summary>
    private sealed class CountingEmbedder : IEmbedder
    {
        public string ModelId => "counting-8";
        public int Dimensions => 8;
        public int MaxTokens => 512;
        public int Calls { get; private set; }

        public int CountTokens(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

        public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(texts.Select(t =>
            {
                var v = new float[Dimensions];
                foreach (var c in t) v[c % Dimensions] += 1;
                var norm = MathF.Sqrt(v.Sum(x => x * x));
                return v.Select(x => x / norm).ToArray();
            }).ToArray());
        }
    }
}
