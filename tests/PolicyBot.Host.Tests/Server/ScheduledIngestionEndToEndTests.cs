using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Retrieval;
using PolicyBot.Core.State;
using PolicyBot.Host.Ingestion;
using PolicyBot.Teams.Bot;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Server;

/// <summary>The real server with a short ingestion schedule and one Atom feed on a loopback site: the feed's page reaches the index.</summary>
public sealed class ScheduledIngestionEndToEndTests
{
    [Fact]
    public async Task Serve_ScheduleAndFeedConfigured_FeedPageReachesTheIndex()
    {
        await using var site = await LoopbackServer.StartAsync(async (context, _) =>
        {
            if (context.Request.Path == "/feed.atom")
            {
                context.Response.ContentType = "application/atom+xml";
                await context.Response.WriteAsync("""
                    <feed xmlns="http://www.w3.org/2005/Atom"><title>Notices</title>
                      <entry><title>Manganese export quota</title><link href="/pages/manganese"/><id>urn:mn</id></entry>
                    </feed>
                    """);
                return;
            }
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body><main><h1>Manganese</h1><p>Gabon sets an export quota for manganese ore.</p></main></body></html>");
        });
        await using var server = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["PolicyBot:Ingestion:Schedule"] = "00:00:01",
            ["PolicyBot:Ingestion:Feeds:0"] = new Uri(site.Address, "/feed.atom").AbsoluteUri,
        });
        var index = server.Services.GetRequiredService<IPassageIndex>();
        var id = FeedIngester.DocumentId(new Uri(site.Address, "/pages/manganese"));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !(await index.ListDocumentsAsync(CancellationToken.None)).Any(d => d.Id == id))
            await Task.Delay(200);

        var document = Assert.Single(await index.ListDocumentsAsync(CancellationToken.None), d => d.Id == id);
        Assert.Equal("Manganese export quota", document.Title);
        Assert.IsType<ConversationReferenceStore>(server.Services.GetRequiredService<IConversationReferenceStore>());
        Assert.IsType<SqliteConversationAddressStore>(server.Services.GetRequiredService<IConversationAddressStore>());
        Assert.IsType<SqliteFetchValidatorStore>(server.Services.GetRequiredService<IFetchValidatorStore>());
    }

    [Fact]
    public void IngestionOptions_EmptyScheduleAndNoFeeds_BindAsOff()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PolicyBot:Ingestion:Schedule"] = "",
            ["PolicyBot:Ingestion:Watch"] = "false",
        }).Build();

        var options = configuration.GetSection(IngestionOptions.Section).Get<IngestionOptions>()!;

        Assert.Null(options.Schedule);
        Assert.False(options.Watch);
        Assert.Empty(options.Feeds);
    }
}
