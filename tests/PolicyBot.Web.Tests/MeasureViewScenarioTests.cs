using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PolicyBot.Web.Tests;

/// <summary>latest, timeline, upcoming and compare render as tables whose cells cite listed sources.</summary>
public sealed class MeasureViewScenarioTests(BrowserFixture fixture) : BrowserScenarios(fixture)
{
    [ChromiumFact]
    public Task Latest_RendersATableOfTheNewestMeasures() => RunAsync(async chat =>
    {
        var reply = await chat.AskAsync("latest");

        await Expect(reply.Locator(".answer")).ToHaveTextAsync("Latest measures (all jurisdictions and materials), newest first:");
        var table = ChatPage.Table(reply);
        await Expect(table.Locator("thead th")).ToHaveTextAsync(["Measure", "Date", "Jurisdiction", "Summary"]);
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(WebChatServer.Documents.Length);
        // Newest first: Announcement No. 70 (7 November 2025) heads the list, the 2023 graphite controls close it.
        await Expect(table.Locator("tbody tr").First.Locator("th")).ToContainTextAsync("Announcement No. 70 of 2025");
        await Expect(table.Locator("tbody tr").First.Locator("td").First).ToHaveTextAsync("2025-11-07");
        await Expect(table.Locator("tbody tr").Last.Locator("th")).ToContainTextAsync("Announcement No. 39 of 2023");
        await AssertEveryCellCitesAListedSourceAsync(reply, expectedCitedCells: WebChatServer.Documents.Length);
    });

    [ChromiumFact]
    public Task Timeline_RendersATableWithTheSuspensionNotes() => RunAsync(async chat =>
    {
        var reply = await chat.AskAsync("timeline graphite");

        var table = ChatPage.Table(reply);
        await Expect(table.Locator("thead th")).ToHaveTextAsync(["Measure", "Date", "Jurisdiction", "Summary", "Notes"]);
        var suspended = table.Locator("tbody tr").Filter(new LocatorFilterOptions { Has = table.Page.Locator("th", new PageLocatorOptions { HasText = "Announcement No. 58 of 2025:" }) });
        await Expect(suspended.Locator("td").Last).ToContainTextAsync("suspended by MOFCOM/GAC Announcement No. 70 of 2025");
        await Expect(table.Locator("tbody tr").First.Locator("td").First).ToHaveTextAsync("2023-10-20");   // oldest first
        await AssertEveryCellCitesAListedSourceAsync(reply, expectedCitedCells: 5);
    });

    [ChromiumFact]
    public Task Upcoming_FromAPastDate_RendersTheDatedEvents() => RunAsync(async chat =>
    {
        var reply = await chat.AskAsync("upcoming --from 2025-10-01 --days 60");

        var table = ChatPage.Table(reply);
        var rows = table.Locator("tbody tr");
        await Expect(rows.Locator("td:nth-of-type(1)")).ToHaveTextAsync(["2025-11-07", "2025-11-07", "2025-11-08", "2025-11-08"]);
        await Expect(rows.Locator("td:last-child")).ToHaveTextAsync(["takes effect", "status date", "takes effect", "deadline"]);
        await AssertEveryCellCitesAListedSourceAsync(reply, expectedCitedCells: 4);
    });

    [ChromiumFact]
    public Task Compare_RendersTheCitedComparisonTable() => RunAsync(async chat =>
    {
        var reply = await chat.AskAsync("compare China \"United States\" --material graphite");

        var table = ChatPage.Table(reply);
        await Expect(table.Locator("thead th")).ToHaveTextAsync(["Measure", "Scope", "Thresholds", "Licensing or obligations", "Effective date", "Status"]);
        await Expect(table.Locator("tbody th[scope=row]")).ToHaveCountAsync(4);
        await Expect(table.Locator("tbody tr").Last.Locator("th")).ToContainTextAsync("United States:");
        await Expect(table.Locator("td").Filter(new LocatorFilterOptions { HasText = "not found in the documents" }).First).ToBeVisibleAsync();
        // Opening a cell's [n] shows the passage that cell quotes.
        var thresholds = table.Locator("tbody tr").First.Locator("td").Nth(1);
        await thresholds.Locator("button.cite").ClickAsync();
        var number = (await thresholds.Locator("button.cite").TextContentAsync())!.Trim('[', ']');
        await Expect(reply.Locator($"ol.sources > li[value=\"{number}\"] blockquote")).ToBeVisibleAsync();
    });

    // Each cited cell's [n] is a button naming a source that the reply lists.
    private static async Task AssertEveryCellCitesAListedSourceAsync(ILocator reply, int expectedCitedCells)
    {
        var markers = ChatPage.Table(reply).Locator("button.cite");
        Assert.True(await markers.CountAsync() >= expectedCitedCells, $"at least {expectedCitedCells} cited cells");
        var listed = await ChatPage.Sources(reply).EvaluateAllAsync<int[]>("items => items.map(i => i.value)");
        foreach (var marker in await markers.AllTextContentsAsync())
            Assert.Contains(int.Parse(marker.Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture), listed);
    }
}
