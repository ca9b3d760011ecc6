using PolicyBot.Core.Answering;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Composition;

namespace PolicyBot.Core.Tests.Briefings;

public sealed class BriefingTextTests
{
    private static readonly DateTimeOffset Since = BriefingCorpus.Since, Until = BriefingCorpus.Until;

    internal static BriefingItem Item(int n, BriefingItemKind kind, string id, IReadOnlyList<string>? changes = null, DateOnly? date = null) =>
        new(kind, id, $"Title {id}", "China", $"Summary of {id}. [{n}]", changes ?? [],
            new Citation(n, id, id + "#000", $"Title {id}", "China", "2025-10-09", "2025-11-08", $"https://example.org/{id}", "quote"),
            date ?? new DateOnly(2025, 10, 9));

    [Fact]
    public void Render_Sections_InOrderWithChangesAndNumberedSources()
    {
        var briefing = new Briefing(Since, Until,
        [
            Item(1, BriefingItemKind.New, "a"),
            Item(2, BriefingItemKind.Changed, "b", ["status: in force → suspended"]),
            Item(3, BriefingItemKind.Upcoming, "a", ["takes effect on 8 November 2025"], new DateOnly(2025, 11, 8)),
        ]);

        var text = BriefingText.Render(briefing, BriefingComposerTests.Subscription(jurisdictions: ["China"]));

        Assert.StartsWith("Policy briefing\nChanges from 25 October 2025 to 1 November 2025 · China\n", text.Replace("\r\n", "\n"));
        Assert.True(text.IndexOf("\nNew\n", StringComparison.Ordinal) < text.IndexOf("\nChanged\n", StringComparison.Ordinal));
        Assert.DoesNotContain("\nRemoved\n", text);
        Assert.Contains("  status: in force → suspended", text);
        Assert.Contains("- Title a (8 November 2025 · China)", text);
        Assert.Contains("[2] Title b — China, 8 November 2025 — https://example.org/b", text);
        Assert.DoesNotContain("No changes", text);
    }

    [Fact]
    public void Render_NoChanges_SaysSoWithTheStartDate()
    {
        var text = BriefingText.Render(new Briefing(Since, Until, []), BriefingComposerTests.Subscription());

        Assert.Contains("No changes since 25 October 2025.", text);
        Assert.DoesNotContain("Sources:", text);
    }

    [Theory]
    [InlineData("Title [SMM] x", "https://a.example/[b](c)", "[Title (SMM) x](https://a.example/%5Bb%5D%28c%29)")]
    [InlineData("Plain", null, "Plain")]
    [InlineData("Plain", "not a url", "Plain")]
    public void MarkdownLink_EscapesBracketsInTitleAndUrl(string title, string? url, string expected) =>
        Assert.Equal(expected, BriefingFormat.MarkdownLink(title, url));

    [Fact]
    public void Truncate_KeepsTrailingMarker()
    {
        var cut = BriefingFormat.Truncate("one two three four five six seven [12]", 20);

        Assert.True(cut.Length <= 20, cut);
        Assert.EndsWith("… [12]", cut);
    }

    [Fact]
    public void ShouldPost_EmptyBriefing_FollowsTheSubscription()
    {
        var upcomingOnly = new Briefing(Since, Until, [Item(1, BriefingItemKind.Upcoming, "a")]);

        Assert.False(BriefingDelivery.ShouldPost(BriefingComposerTests.Subscription(skipEmpty: true), upcomingOnly));
        Assert.True(BriefingDelivery.ShouldPost(BriefingComposerTests.Subscription(skipEmpty: false), upcomingOnly));
        Assert.True(BriefingDelivery.ShouldPost(BriefingComposerTests.Subscription(skipEmpty: true),
            new Briefing(Since, Until, [Item(1, BriefingItemKind.Removed, "a")])));
    }

    [Theory]
    [InlineData(new string[0], new string[0], null, true)]
    [InlineData(new[] { "Japan" }, new string[0], "United States / Japan", true)]
    [InlineData(new[] { "China" }, new[] { "rare earth" }, "China", true)]
    [InlineData(new[] { "China" }, new[] { "cobalt" }, "China", false)]
    [InlineData(new[] { "European Union", "China" }, new string[0], "China", true)]
    public void BriefingFilter_JurisdictionsOrTogetherAndMaterialsAndTogether(string[] jurisdictions, string[] materials, string? jurisdiction, bool expected)
    {
        var metadata = jurisdiction is null ? null : new Domain.DocumentMetadata { Jurisdiction = jurisdiction, Materials = ["rare earths", "graphite"] };

        Assert.Equal(expected, BriefingFilter.Matches(jurisdictions, materials, metadata));
    }
}
