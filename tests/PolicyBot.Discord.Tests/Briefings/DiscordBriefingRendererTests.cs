using PolicyBot.Core.Briefings;
using PolicyBot.Discord.Briefings;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Tests.Briefings;

public sealed class DiscordBriefingRendererTests
{
    [Theory]
    [InlineData(4, 300)]
    [InlineData(12, 500)]
    [InlineData(40, 900)]
    [InlineData(300, 1200)]
    public void Render_AnySize_EveryMessageWithinDiscordLimits(int count, int summaryLength)
    {
        var messages = DiscordBriefingRenderer.Render(SampleBriefings.Large(count, summaryLength), SampleBriefings.Subscription(), "b1:20251101T0800");

        Assert.InRange(messages.Count, 1, DiscordBriefingRenderer.MaxMessages);
        Assert.All(messages, message =>
        {
            var embeds = message.Embeds!;
            Assert.True(DiscordBriefingRenderer.Fits(embeds));
            Assert.InRange(embeds.Count, 1, DiscordLimits.EmbedsPerMessage);
            Assert.InRange(embeds.Sum(DiscordBriefingRenderer.Size), 1, DiscordLimits.EmbedTotal);
            Assert.All(embeds, e => Assert.InRange(e.Description?.Length ?? 0, 0, DiscordLimits.EmbedDescription));
            Assert.All(embeds.SelectMany(e => e.Fields ?? []), f => Assert.InRange(f.Value.Length, 1, DiscordLimits.FieldValue));
            Assert.Null(message.Content);
        });
        Assert.Equal("Policy briefing", messages[0].Embeds![0].Title);
        Assert.All(messages.Skip(1), m => Assert.Equal("Policy briefing (continued)", m.Embeds![0].Title));
    }

    [Theory]
    [InlineData(4, 300)]
    [InlineData(40, 900)]
    [InlineData(300, 1200)]
    public void Render_ItemsShown_AreTheFirstInOrderEachWithItsSourceInTheSameMessage(int count, int summaryLength)
    {
        var briefing = SampleBriefings.Large(count, summaryLength);

        var messages = DiscordBriefingRenderer.Render(briefing, SampleBriefings.Subscription());

        var shown = new List<BriefingItem>();
        foreach (var embeds in messages.Select(m => m.Embeds!))
        {
            var text = string.Join("\n", embeds.Select(e => e.Description));
            var sources = string.Join("\n", embeds.SelectMany(e => e.Fields ?? []).Select(f => f.Value));
            var here = briefing.Items.Where(i => text.Contains($"**[{i.Citation!.Number}] ", StringComparison.Ordinal)).ToList();
            Assert.All(here, i => Assert.Contains($"[{i.Citation!.Number}] [Measure", sources));
            Assert.All(here, i => Assert.Contains($" [{i.Citation!.Number}]\n", text + "\n")); // the summary's marker survives shortening
            Assert.Equal(here.Count, sources.Split('\n').Length);
            shown.AddRange(here);
        }
        Assert.Equal(briefing.Items.Take(shown.Count).Select(i => i.DocumentId), shown.Select(i => i.DocumentId));
        var header = messages[0].Embeds![0].Description!;
        if (shown.Count < count) Assert.EndsWith($"{count - shown.Count} more items did not fit in 5 messages.", header);
        else Assert.DoesNotContain("did not fit", header);
    }

    [Fact]
    public void Render_ModerateBriefing_IsOneMessageWithShortenedSummaries()
    {
        var briefing = SampleBriefings.Large(8, 600, titleLength: 90, changeLength: 30);

        var message = Assert.Single(DiscordBriefingRenderer.Render(briefing, SampleBriefings.Subscription()));

        Assert.Equal(8, string.Join("\n", message.Embeds!.SelectMany(e => e.Fields ?? []).Select(f => f.Value)).Split('\n').Length);
        Assert.All(message.Embeds!.Where(e => e.Title is "New" or "Changed" or "Removed" or "Upcoming"), e => Assert.Contains("…", e.Description));
    }

    [Fact]
    public void Render_LongBriefing_NumbersThePartsInTheFooter()
    {
        var messages = DiscordBriefingRenderer.Render(SampleBriefings.Large(40, 500, titleLength: 90, changeLength: 40), SampleBriefings.Subscription(), "d-1");

        Assert.True(messages.Count > 1);
        Assert.Equal(Enumerable.Range(1, messages.Count).Select(k => $"Delivery d-1 · part {k}/{messages.Count}"), messages.Select(m => m.Embeds![^1].Footer!.Text));
    }

    [Fact]
    public void Render_TitleWithBracketsAndUrlWithParentheses_KeepsTheLinkIntact()
    {
        var item = SampleBriefings.Item(1, BriefingItemKind.New, "x", title: "[SMM-Analysis] China *controls*") with
        {
            Citation = SampleBriefings.Item(1, BriefingItemKind.New, "x").Citation! with { Title = "[SMM-Analysis] China", Url = "https://news.example/[SMM](1)" },
        };

        var embeds = Assert.Single(DiscordBriefingRenderer.Render(new Briefing(SampleBriefings.Since, SampleBriefings.Until, [item]), SampleBriefings.Subscription())).Embeds!;

        Assert.StartsWith("**[1] [SMM-Analysis] China \\*controls\\***", embeds[1].Description);
        Assert.StartsWith("[1] [(SMM-Analysis) China](https://news.example/%5BSMM%5D%281%29)", embeds[^1].Fields![0].Value);
    }

    [Theory]
    [InlineData("16", true)]               // MANAGE_CHANNELS
    [InlineData("8", true)]                // ADMINISTRATOR
    [InlineData("2147483648", false)]      // USE_APPLICATION_COMMANDS only
    [InlineData("1125899906842623", true)] // everything
    [InlineData("1024", false)]
    [InlineData(null, false)]
    [InlineData("not a number", false)]
    public void CanManageChannel_ReadsThePermissionBits(string? permissions, bool expected) =>
        Assert.Equal(expected, DiscordBriefingPermissions.CanManageChannel(new DiscordMember { Permissions = permissions }));

    [Theory]
    [InlineData("b1:20251101T0800", "b1:20251101T0800")]
    [InlineData("exactly-twenty-five-chars", "exactly-twenty-five-chars")]
    public void Nonce_ShortIds_AreUsedAsIs(string deliveryId, string expected) => Assert.Equal(expected, DiscordBriefingNonce.For(deliveryId));

    [Fact]
    public void Nonce_LongOrUnusualIdsAndLaterParts_AreStable25CharacterHashes()
    {
        var nonce = DiscordBriefingNonce.For("twenty-six-characters-long");

        Assert.Equal(25, nonce.Length);
        Assert.NotEqual(nonce, DiscordBriefingNonce.For("twenty-six-characters-lonG"));
        Assert.Equal(25, DiscordBriefingNonce.For("b1 2025/11/01").Length);
        Assert.Equal(DiscordBriefingNonce.For("b1", 2), DiscordBriefingNonce.For("b1", 2));
        Assert.NotEqual(DiscordBriefingNonce.For("b1", 2), DiscordBriefingNonce.For("b1", 3));
        Assert.Equal(25, DiscordBriefingNonce.For("b1", 2).Length);
    }
}
