using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyBot.Core.Feedback;
using static Microsoft.Playwright.Assertions;

namespace PolicyBot.Web.Tests;

/// <summary>Questions, citations, follow-ups and feedback on the web chat page, in Chromium against the real server.</summary>
public sealed partial class AnswerScenarioTests(BrowserFixture fixture) : BrowserScenarios(fixture)
{
    private const string CrmaTitle = "EU Critical Raw Materials Act (CRMA) – Regulation (EU) 2024/1252";

    [ChromiumFact]
    public Task Question_ShowsACitedAnswerWithNumberedSourcesAndTheFreshnessStamp() => RunAsync(async chat =>
    {
        var reply = await chat.AskAsync("What are the CRMA benchmarks?");

        await Expect(reply.Locator(".answer")).ToContainTextAsync("2030 benchmarks");
        var markers = reply.Locator(".answer button.cite");
        Assert.True(await markers.CountAsync() >= 2, "the answer has at least two [n] markers");
        await Expect(markers.First).ToHaveTextAsync("[1]");
        var sources = ChatPage.Sources(reply);
        Assert.True(await sources.CountAsync() >= 2, "at least two numbered sources are listed");
        await Expect(sources.First.Locator("summary")).ToHaveTextAsync(new Regex(@"^\[1\] " + Regex.Escape(CrmaTitle)));
        await Expect(reply.Locator(".meta").First).ToHaveTextAsync(SourcesAsOf());
        // Every marker in the text names a listed source.
        var listed = await sources.Locator("summary").AllTextContentsAsync();
        foreach (var marker in await markers.AllTextContentsAsync())
            Assert.Contains(listed, s => s.StartsWith(marker + " ", StringComparison.Ordinal));
    });

    [ChromiumFact]
    public Task Citation_Expanded_ShowsTheQuotedPassageAndTheSourceLink() => RunAsync(async chat =>
    {
        var reply = await chat.AskAsync("What are the CRMA benchmarks?");
        var benchmarks = ChatPage.Sources(reply).Filter(new LocatorFilterOptions { HasText = "three 2030 benchmarks" }).First;
        var quote = benchmarks.Locator("blockquote");
        await Expect(quote).ToBeHiddenAsync();

        await benchmarks.Locator("summary").ClickAsync();

        await Expect(quote).ToBeVisibleAsync();
        await Expect(quote).ToContainTextAsync("at least 40% of annual consumption");
        var link = benchmarks.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Open the source" });
        await Expect(link).ToBeVisibleAsync();
        await Expect(link).ToHaveAttributeAsync("href", "https://eur-lex.europa.eu/eli/reg/2024/1252/2024-05-03");
        await Expect(link).ToHaveAttributeAsync("rel", "noopener");
    });

    [ChromiumFact]
    public Task CitationMarker_OpensItsSourceAndMovesFocusThere() => RunAsync(async chat =>
    {
        var reply = await chat.AskAsync("What are the CRMA benchmarks?");
        var marker = reply.Locator(".answer button.cite").Nth(1);
        var number = (await marker.TextContentAsync())!.Trim('[', ']');
        var source = reply.Locator($"ol.sources > li[value=\"{number}\"] details");
        await Expect(source).Not.ToHaveAttributeAsync("open", "");

        await marker.FocusAsync();
        await chat.Page.Keyboard.PressAsync("Enter");

        await Expect(source).ToHaveAttributeAsync("open", "");
        await Expect(source.Locator("blockquote")).ToBeVisibleAsync();
        await Expect(source.Locator("summary")).ToBeFocusedAsync();
        await Expect(marker).ToHaveAttributeAsync("aria-label", new Regex($@"^Source {number}: "));
    });

    [ChromiumFact]
    public Task FollowUp_InTheSameConversation_IsAnsweredFromTheEarlierTurn() => RunAsync(async chat =>
    {
        await chat.AskAsync("What are the CRMA benchmarks?");

        var followUp = await chat.AskAsync("and when did it enter into force?");

        await Expect(followUp.Locator(".answer")).ToContainTextAsync("23 May 2024");
        await Expect(ChatPage.Sources(followUp).First.Locator("summary")).ToContainTextAsync(CrmaTitle);
        await Expect(chat.Page.Locator("#transcript > li.user")).ToHaveTextAsync(["You: What are the CRMA benchmarks?", "You: and when did it enter into force?"]);
    });

    [ChromiumFact]
    public Task Question_TheDocumentsDoNotCover_IsRefusedWithoutSources() => RunAsync(async chat =>
    {
        var reply = await chat.AskAsync("What is the best pizza topping in Naples?");

        await Expect(reply).ToHaveClassAsync("bot refusal");
        await Expect(ChatPage.Sources(reply)).ToHaveCountAsync(0);
        await Expect(reply.Locator(".answer button.cite")).ToHaveCountAsync(0);
    });

    [ChromiumFact]
    public Task Feedback_Helpful_IsStoredWithTheQuestionAndItsSources() => RunAsync(async chat =>
    {
        const string question = "Which graphite products does Announcement No. 39 of 2023 cover?";
        var reply = await chat.AskAsync(question);

        await reply.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Helpful", Exact = true }).ClickAsync();

        await Expect(reply.Locator(".feedback [role=status]")).ToHaveTextAsync("Thanks for the feedback.");
        await Expect(reply.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Helpful", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        var vote = Assert.Single(await FeedbackForAsync(question));
        Assert.Equal(("web", true, (string?)null), (vote.Platform, vote.Helpful, vote.Reason));
        Assert.StartsWith("web:", vote.ConversationId);
        Assert.Contains("cn-graphite-export-controls-2023", vote.CitedDocuments);
        Assert.False(string.IsNullOrWhiteSpace(vote.Answer));
    });

    [ChromiumFact]
    public Task Feedback_NotHelpfulWithAReason_ByKeyboard_IsStored() => RunAsync(async chat =>
    {
        const string question = "What did Announcement No. 70 of 2025 suspend?";
        var reply = await chat.AskAsync(question);
        var notHelpful = reply.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Not helpful" });

        await notHelpful.FocusAsync();
        await chat.Page.Keyboard.PressAsync("Enter");
        var reason = reply.GetByLabel("What was missing or wrong? (optional)");
        await Expect(reason).ToBeFocusedAsync();
        await Expect(notHelpful).ToHaveAttributeAsync("aria-expanded", "true");
        await chat.Page.Keyboard.TypeAsync("no list of the suspended items");
        await chat.Page.Keyboard.PressAsync("Enter");

        await Expect(reply.Locator(".feedback [role=status]")).ToHaveTextAsync("Thanks for the feedback.");
        await Expect(reason).ToBeHiddenAsync();
        var vote = Assert.Single(await FeedbackForAsync(question));
        Assert.Equal((false, "no list of the suspended items"), (vote.Helpful, vote.Reason));
        Assert.Contains("cn-announcement-70-2025-suspension", vote.CitedDocuments);
    });

    private async Task<List<FeedbackRecord>> FeedbackForAsync(string question) =>
        [.. (await Fixture.Server.Services.GetRequiredService<IFeedbackStore>().ListAsync(null, default)).Where(f => f.Question == question)];

    [GeneratedRegex(@"^Sources as of \d{1,2} [A-Z][a-z]+ \d{4}$")]
    private static partial Regex SourcesAsOf();
}
