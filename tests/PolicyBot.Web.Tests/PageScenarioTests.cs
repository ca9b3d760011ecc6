using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PolicyBot.Web.Tests;

/// <summary>The page itself: keyboard use, the live region, its own assets only, and screenshots of failures.</summary>
public sealed class PageScenarioTests(BrowserFixture fixture) : BrowserScenarios(fixture)
{
    [ChromiumFact]
    public Task Keyboard_LabelledInput_EnterSubmits_AndTheLiveRegionReceivesTheReply() => RunAsync(async chat =>
    {
        var input = chat.Page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = ChatPage.InputLabel });
        await Expect(chat.Transcript).ToHaveAttributeAsync("aria-live", "polite");

        await chat.Page.Keyboard.PressAsync("Tab");   // the first stop on the page is the question box
        await Expect(input).ToBeFocusedAsync();
        await chat.Page.Keyboard.TypeAsync("help");
        await chat.Page.Keyboard.PressAsync("Enter");

        await Expect(chat.Replies).ToHaveCountAsync(1);
        await Expect(chat.Replies.First.Locator(".answer")).ToContainTextAsync("latest [jurisdiction] [material]");
        await Expect(chat.Transcript).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(chat.Page.Locator("#status")).ToHaveTextAsync("");
        // Focus stays in the emptied box, ready for the next question; Tab then reaches the Send button.
        await Expect(input).ToBeFocusedAsync();
        await Expect(input).ToHaveValueAsync("");
        await chat.Page.Keyboard.PressAsync("Tab");
        await Expect(chat.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send" })).ToBeFocusedAsync();
    });

    [ChromiumFact]
    public Task Axe_FindsNoAccessibilityViolations_WithAnAnswerATableAndOpenFeedback() => RunAsync(async chat =>
    {
        var answer = await chat.AskAsync("What are the CRMA benchmarks?");
        await ChatPage.Sources(answer).First.Locator("summary").ClickAsync();
        await answer.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Not helpful" }).ClickAsync();
        await chat.AskAsync("compare China \"United States\" --material graphite");

        var result = await chat.Page.RunAxe();

        Assert.True(result.Violations.Length == 0, "axe-core violations: " + string.Join("; ",
            result.Violations.Select(v => $"{v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
        Assert.NotEmpty(result.Passes);   // axe really ran over the page
    });

    [ChromiumFact]
    public Task Page_LoadsOnlyItsOwnAssets_AndShowsErrorRepliesAsMessages() => RunAsync(async chat =>
    {
        var requested = new List<string>();
        chat.Page.Request += (_, request) => { lock (requested) requested.Add(request.Url); };
        await chat.Page.ReloadAsync();

        // An unknown flag is the server's own error reply, shown as a message rather than a broken page.
        var reply = await chat.AskAsync("latest --since yesterday-ish");

        await Expect(reply).ToHaveClassAsync("bot error");
        await Expect(reply.Locator(".answer")).ToContainTextAsync("--since");
        lock (requested)
        {
            Assert.Contains(requested, u => u.EndsWith("/app.js", StringComparison.Ordinal));
            Assert.All(requested, u => Assert.StartsWith(Fixture.Server.Address.ToString(), u));
        }
    });

    [ChromiumFact]
    public async Task FailedScenario_SavesAFullPageScreenshotNamedAfterTheTest()
    {
        var expected = FailureArtifacts.ScreenshotPath($"{nameof(PageScenarioTests)}.{nameof(FailedScenario_SavesAFullPageScreenshotNamedAfterTheTest)}");
        if (File.Exists(expected)) File.Delete(expected);   // a clean checkout has no artifact folder yet

        var failure = await Assert.ThrowsAsync<ScenarioFailedException>(() => RunAsync(async chat =>
        {
            await chat.AskAsync("help");
            Assert.Fail("a deliberate failure");
        }));

        Assert.Contains("a deliberate failure", failure.Message);
        Assert.Contains("Screenshot: " + expected, failure.Message);
        var png = await File.ReadAllBytesAsync(expected);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        File.Delete(expected);   // the deliberate failure is not a real one: leave no artifact behind
    }
}
